import type { Attachment } from '@switchboard/protocol'
import type { ClinicSeed } from '../ports'

/** Points a seed's relative `/files/…` attachment URLs at where a backend serves files (the mock's or the server's base URL). */
export function rebaseSeedUrls(seed: ClinicSeed, baseUrl: string): ClinicSeed {
  const fix = <A extends Attachment>(a: A): A => ({
    ...a,
    url: a.url.startsWith('/files/') ? `${baseUrl}${a.url}` : a.url,
    ...(a.thumbnailUrl?.startsWith('/files/') ? { thumbnailUrl: `${baseUrl}${a.thumbnailUrl}` } : {}),
  })
  return {
    ...seed,
    attachments: seed.attachments.map(fix),
    messages: seed.messages.map((m) => (m.attachments.length ? { ...m, attachments: m.attachments.map(fix) } : m)),
  }
}
