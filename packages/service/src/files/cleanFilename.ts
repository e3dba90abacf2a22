import { TEXT_LIMITS, withoutControls } from '@switchboard/protocol'

/**
 * A filename safe to store and show: no folders, no control or bidirectional characters (a
 * U+202E could make `scan‮gnp.exe` read as `scanexe.png`), trimmed, at most 120 characters,
 * keeping its extension; `fallback` when nothing is left.
 *
 * @example
 * cleanFilename('C:\\Users\\me\\scan\u202Egnp.exe') // 'scangnp.exe'
 */
export function cleanFilename(name: string, fallback = 'attachment'): string {
  const base = withoutControls(name.replace(/^.*[\\/]/, ''))
  if (!base) return fallback
  if (base.length <= TEXT_LIMITS.filename) return base
  const dot = base.lastIndexOf('.')
  const extension = dot > 0 && base.length - dot <= 9 ? base.slice(dot) : ''
  return `${base.slice(0, TEXT_LIMITS.filename - extension.length).trimEnd()}${extension}`
}
