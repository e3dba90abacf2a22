// @vitest-environment jsdom
import { createMockBackend, createServiceTransport, type MockBackend } from '@switchboard/mock'
import { createInboxService, createMemoryStorage, generateSeed } from '@switchboard/service'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll } from 'vitest'
import { createHttpTransport, type IoFactory } from '../index'
import { transportConformance } from '../testing'

const server = setupServer()
let io: IoFactory
let WebSocketTransport: unknown
beforeAll(async () => {
  // jsdom's Blob and FormData reach Node's fetch (and MSW's XHR bridge) as the text "undefined":
  // give this file Node's own, as a browser would have its own native ones.
  const { Blob: NodeBlob, File: NodeFile } = await import('node:buffer')
  const NodeFormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor
  Object.assign(globalThis, { Blob: NodeBlob, File: NodeFile, FormData: NodeFormData, XMLHttpRequest: undefined })
  server.listen({ onUnhandledRequest: 'error' })
  // socket.io-client and engine.io-client keep the WebSocket they find on first import: load them after MSW.
  io = (await import('socket.io-client')).io as unknown as IoFactory
  WebSocketTransport = (await import('engine.io-client')).WebSocket
})
afterAll(() => server.close())

const clock = () => new Date('2026-11-30T18:00:00Z')

transportConformance('createHttpTransport over the MSW mock', () => {
  const backend: MockBackend = createMockBackend({ seed: { seed: 2, conversations: 20 }, clock })
  server.resetHandlers(...backend.handlers)
  const transport = (token: string) =>
    createHttpTransport({
      baseUrl: backend.baseUrl,
      getToken: () => token,
      socket: { io, transports: [WebSocketTransport] },
    })
  return {
    transport: transport('tok_usr_dana'),
    forbidden: transport('tok_usr_sam'),
    simulateInbound: (phone, body) => backend.simulateInbound(phone, body),
    realtime: true,
  }
})

transportConformance('an in-process transport over the inbox service', () => {
  const seed = generateSeed({ seed: 2, conversations: 20 })
  const service = createInboxService({ storage: createMemoryStorage({ clinics: seed.clinics }), clock })
  const all = seed.clinics[0]!.team[0]!.permissions
  return {
    transport: createServiceTransport(service, { clinicId: 'cln_maple', userId: 'usr_dana', permissions: all })
      .transport,
    forbidden: createServiceTransport(service, { clinicId: 'cln_maple', userId: 'usr_sam', permissions: [] }).transport,
    simulateInbound: (phone, body) => service.receiveInbound({ to: '+14155550100', from: phone, body }),
    realtime: true,
  }
})
