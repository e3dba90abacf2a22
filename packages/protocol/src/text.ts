import * as z from 'zod/mini'

/** Control characters (C0, DEL, C1) and the line and paragraph separators. */
const CONTROLS = /[\p{Cc}\u2028\u2029]/u
/**
 * Bidirectional controls: embeddings, overrides, isolates and marks. One U+202E in a filename
 * makes `invoice‮fdp.exe` read as `invoiceexe.pdf`; none of them belongs in a name.
 */
const BIDI_TEST = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
/** Embeddings, overrides and isolates: they reorder the text around them (marks do not). */
const DIRECTION_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/gu

/**
 * A stranger's text without direction embeddings, overrides and isolates, which could make
 * `moc.knab` read as `bank.com`; the marks right-to-left keyboards add (U+200E/F) stay.
 *
 * @example
 * withoutDirectionOverrides('https://evil.example/\u202Emoc.knab') // 'https://evil.example/moc.knab'
 */
export function withoutDirectionOverrides(text: string): string {
  return text.replace(DIRECTION_OVERRIDES, '')
}

/** Longest message body accepted, in characters (10 SMS segments of UCS-2 is 670). */
export const MAX_BODY_LENGTH = 1600

/**
 * Longest accepted free text, in characters, per kind. Settings and names are read by staff and
 * sent to clients: a limit keeps a pasted page from going out as hundreds of SMS segments.
 */
export const TEXT_LIMITS = {
  /** A person's first or last name. */
  name: 100,
  inboxName: 60,
  templateName: 80,
  templateCategory: 40,
  /** The after-hours auto-reply: three GSM-7 segments at most. */
  autoReply: 459,
  /** The answer to HELP / INFO. */
  helpText: 320,
  /** Added to a contact's first text: one line. */
  optOutFooter: 80,
  alertRecipients: 10,
  email: 254,
  consentNote: 500,
  filename: 120,
  /** A patient's species ("Dog", "Cat"). */
  species: 40,
} as const

/** Whether `text` has no control characters, line breaks or bidirectional controls. */
export function isSingleLine(text: string): boolean {
  return !CONTROLS.test(text) && !BIDI_TEST.test(text)
}

/** Whether `text` has no bidirectional controls and no control characters but tab and line breaks. */
export function isPlainMultiline(text: string): boolean {
  return !/(?![\t\n\r])\p{Cc}/u.test(text) && !BIDI_TEST.test(text)
}

/**
 * A one-line name (person, inbox, template): trimmed, 1 to `max` characters, without line
 * breaks, control or bidirectional characters (they could break an e-mail header or disguise
 * the text around them).
 */
export function singleLineText(max: number) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(max),
      z.refine(isSingleLine, { message: 'must be one line without control or direction characters' }),
    )
}

/** Free text of up to `max` characters that may span lines (an auto-reply, a note). */
export function multilineText(max: number) {
  return z
    .string()
    .check(
      z.maxLength(max),
      z.refine(isPlainMultiline, { message: 'must not contain control or direction characters' }),
    )
}

/**
 * Text for one line of display or an e-mail header: line breaks, controls and bidirectional
 * controls become spaces, runs of spaces one.
 *
 * @example
 * oneLine('Dana\r\nBcc: x@evil.test') // 'Dana Bcc: x@evil.test'
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/**
 * `text` without control characters, line breaks and bidirectional controls (removed, not
 * replaced), runs of white space made one space, trimmed: for names kept on file.
 *
 * @example
 * withoutControls('x-ray\u0007.png') // 'x-ray.png'
 */
export function withoutControls(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

/**
 * A filename as staff should read it: without bidirectional or control characters, and its
 * real extension (what follows the last dot), so `invoice‮fdp.exe` shows as `invoice fdp.exe`.
 *
 * @example
 * displayFilename('scan\u202Egnp.exe') // { name: 'scan gnp.exe', extension: 'exe' }
 */
export function displayFilename(name: string): { name: string; extension: string } {
  const clean = oneLine(name)
  const dot = clean.lastIndexOf('.')
  const extension = dot > 0 && dot < clean.length - 1 ? clean.slice(dot + 1).toLowerCase() : ''
  return { name: clean || 'attachment', extension: /^[a-z0-9]{1,8}$/.test(extension) ? extension : '' }
}
