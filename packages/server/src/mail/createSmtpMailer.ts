import type { Mailer } from '@switchboard/service'
import nodemailer from 'nodemailer'

/** Options of {@link createSmtpMailer}. */
export interface SmtpMailerOptions {
  /** The SMTP server, e.g. `smtps://user:password@smtp.example:465`; or nodemailer transport options (tests). */
  transport: string | Record<string, unknown>
  /** The sender, e.g. `Maple Grove Inbox <inbox@maplegrove.example>`. */
  from: string
}

/**
 * The service's {@link Mailer} over SMTP with nodemailer: after-hours alerts to the clinic's
 * recipients. The service already makes every subject one line; nodemailer encodes the headers.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(options.transport as never)
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from: options.from, to, subject, text })
    },
    close: () => transport.close(),
  }
}
