import { createHttpTransport, type IoFactory } from '@switchboard/core'
import { transportConformance } from '@switchboard/core/testing'
import { io } from 'socket.io-client'
import { startServer } from './serverHarness'

// Core's transport suite against the reference server over real HTTP and socket.io on 127.0.0.1.
transportConformance('createHttpTransport over the reference server (SQLite)', async () => {
  const running = await startServer({ clock: () => new Date('2026-11-30T18:00:00Z') })
  const [dana, sam] = [await running.tokenFor('usr_dana'), await running.tokenFor('usr_sam')]
  const transport = (token: string) =>
    createHttpTransport({ baseUrl: running.api, getToken: () => token, socket: { io: io as unknown as IoFactory } })
  return {
    transport: transport(dana),
    forbidden: transport(sam),
    simulateInbound: (phone, body) => running.service.receiveInbound({ to: '+14155550100', from: phone, body }),
    realtime: true,
    close: () => running.stop(),
  }
})
