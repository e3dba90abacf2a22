const startsWith = (data: Uint8Array, bytes: readonly number[], offset = 0) =>
  bytes.every((b, i) => data[offset + i] === b)

/**
 * The content type a file's first bytes prove, among the types an MMS may carry; null when they
 * prove none (an SVG, HTML or script named `.png` is refused this way).
 */
export function sniffContentType(data: Uint8Array): string | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(data, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  if (startsWith(data, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...data.slice(8, 12))
    if (/^(heic|heix|mif1|msf1)$/.test(brand)) return 'image/heic'
  }
  return null
}
