import { createServer, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createSmtpMailer } from '../index'
import { startConfigured } from './serverHarness'

/** A minimal SMTP server on 127.0.0.1 that keeps each message's envelope and data. */
async function fakeSmtp() {
  const received: Array<{ from: string; to: string[]; data: string }> = []
  const server = createServer((socket: Socket) => {
    let mail = { from: '', to: [] as string[], data: '' }
    let inData = false
    let buffer = ''
    socket.write('220 fake ESMTP\r\n')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          mail.data = buffer.slice(0, end)
          buffer = buffer.slice(end + 5)
          inData = false
          received.push(mail)
          mail = { from: '', to: [], data: '' }
          socket.write('250 queued\r\n')
          continue
        }
        const line = buffer.indexOf('\r\n')
        if (line < 0) return
        const command = buffer.slice(0, line)
        buffer = buffer.slice(line + 2)
        const verb = command.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake\r\n')
        else if (verb === 'MAIL') {
          mail.from = command
          socket.write('250 ok\r\n')
        } else if (verb === 'RCPT') {
          mail.to.push(command)
          socket.write('250 ok\r\n')
        } else if (verb === 'DATA') {
          inData = true
          socket.write('354 go on\r\n')
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n')
          return
        } else socket.write('250 ok\r\n')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) }
}

describe('after-hours alerts by e-mail', () => {
  it('sends through SMTP, one line of subject whatever a stranger put in it', async () => {
    const smtp = await fakeSmtp()
    const mailer = createSmtpMailer({ transport: smtp.url, from: 'Maple Grove Inbox <inbox@maplegrove.example>' })
    await mailer.send({
      to: ['frontdesk@maplegrove.example', 'dana@maplegrove.example'],
      subject: 'After-hours text from Zoë\r\nBcc: everyone@evil.example',
      text: 'Is Luna ready?',
    })
    mailer.close()
    await smtp.close()
    const [mail] = smtp.received
    expect(mail?.to).toEqual(['RCPT TO:<frontdesk@maplegrove.example>', 'RCPT TO:<dana@maplegrove.example>'])
    expect(mail?.data).toMatch(/^From: Maple Grove Inbox <inbox@maplegrove\.example>$/m)
    expect(mail?.data).not.toMatch(/^Bcc:/im)
    expect(mail?.data).toContain('Is Luna ready?')
  })

  describe('on the server without SMTP', () => {
    let running: Awaited<ReturnType<typeof startConfigured>> | null = null
    afterEach(async () => {
      await running?.stop()
    })

    it('keeps alerts in a mailbox the simulator shows', async () => {
      // Monday 30 Nov 2026, 22:00 in Los Angeles: the seeded clinic is closed.
      running = await startConfigured({}, { clock: () => new Date('2026-12-01T06:00:00.000Z') })
      const { api } = running
      const texted = await fetch(`${api}/simulator/texts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+16505550193', to: '+14155550100', body: 'Is anyone there?' }),
      })
      expect(texted.status).toBe(201)
      const mailbox = await (await fetch(`${api}/simulator/mailbox`)).json()
      expect(mailbox[0]).toMatchObject({ to: ['frontdesk@maplegrove.example'] })
      expect(mailbox[0].text).toContain('Is anyone there?')
    })
  })
})
