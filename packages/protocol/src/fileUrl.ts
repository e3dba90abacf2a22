/**
 * Whether a file URL may be put in an `href` or `src`: http(s) only (never `data:`,
 * `javascript:`, `blob:`…), and served from one of `origins` (the server's own or its files
 * origin). Relative URLs are read against `base`.
 *
 * @example
 * isAllowedFileUrl('/api/files/att_1?sig=…', ['https://clinic.example'], 'https://clinic.example/inbox') // true
 * isAllowedFileUrl('javascript:alert(1)', ['https://clinic.example'], 'https://clinic.example/') // false
 */
export function isAllowedFileUrl(url: string, origins: readonly string[], base?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url, base)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false
  if (parsed.username || parsed.password) return false
  return origins.some((origin) => {
    try {
      return new URL(origin).origin === parsed.origin
    } catch {
      return false
    }
  })
}
