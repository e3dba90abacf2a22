import { describe, expect, it } from 'vitest'
import { createEventHistory } from '../cache/eventHistory'
import type { Transport } from '../transport/Transport'
import { trackRequests } from '../transport/trackRequests'

const deferred = <T>() => {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((a, b) => {
    resolve = a
    reject = b
  })
  return { promise, resolve, reject }
}

const nextTask = () => new Promise((r) => setTimeout(r, 0))

describe('trackRequests', () => {
  it('answers the log position at the start of the oldest request on its way, else the current one', async () => {
    let position: number | null = 5
    const replies = [deferred<number>(), deferred<number>()]
    let calls = 0
    const transport = {
      unread: () => (replies[calls++] as ReturnType<typeof deferred<number>>).promise,
      me: () => {
        throw new Error('refused at once')
      },
      sendTyping: () => undefined,
    } as unknown as Transport
    const tracked = trackRequests(transport, () => position)
    expect(tracked.oldest()).toBe(5)
    const first = tracked.transport.unread()
    position = 9
    const second = tracked.transport.unread()
    position = 12
    expect(tracked.oldest()).toBe(5)
    replies[0]?.resolve(1)
    await first
    await nextTask()
    expect(tracked.oldest()).toBe(9)
    replies[1]?.reject(new Error('down'))
    await expect(second).rejects.toThrow('down')
    await nextTask()
    expect(tracked.oldest()).toBe(12)
    expect(() => tracked.transport.me()).toThrow('refused at once')
    expect(tracked.oldest()).toBe(12)
    tracked.transport.sendTyping('c', true)
    expect(tracked.oldest()).toBe(12)
  })

  it('knows nothing before the client follows the log, and a request started then keeps every event', async () => {
    let position: number | null = null
    const reply = deferred<number>()
    const tracked = trackRequests({ unread: () => reply.promise } as unknown as Transport, () => position)
    const call = tracked.transport.unread()
    position = 3
    expect(tracked.oldest()).toBeNull()
    reply.resolve(0)
    await call
    await nextTask()
    expect(tracked.oldest()).toBe(3)
  })

  it('a request counts until the task that received its reply ends: its caller places the reply a few steps later', async () => {
    let position: number | null = 4
    const reply = deferred<number>()
    const tracked = trackRequests({ unread: () => reply.promise } as unknown as Transport, () => position)
    const placed = (async () => {
      await tracked.transport.unread()
      await Promise.resolve() // the caller's own steps before it places the reply
      return tracked.oldest()
    })()
    position = 8 // events applied meanwhile (a catch-up answered at the same moment)
    reply.resolve(0)
    expect(await placed).toBe(4)
    await nextTask()
    expect(tracked.oldest()).toBe(8)
  })
})

describe('the event history', () => {
  it('forgets the events up to a position: a reply older than it is read again, a newer one is brought up to date', () => {
    const history = createEventHistory()
    history.reset(10)
    for (let seq = 11; seq <= 15; seq++)
      history.record({ type: 'conversation.deleted', conversationId: `c${seq}`, seq } as never)
    history.forgetUpTo(13)
    expect(history.since(12)).toBeNull()
    expect(history.since(13)?.map((e) => e.seq)).toEqual([14, 15])
    history.forgetUpTo(11) // never back
    expect(history.since(12)).toBeNull()
  })
})
