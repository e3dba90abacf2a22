import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { compiledObject } from '../compiledObject'
import { conversationSchema, inboxEventSchema } from '../index'
import { conversationArb } from './arbitraries'

/** A shape with every kind of field the wire schemas use. */
const shape = () => ({
  id: z.string().check(z.minLength(1)),
  count: z.number().check(z.int(), z.minimum(0)),
  status: z.enum(['open', 'closed']),
  note: z.optional(z.string()),
  owner: z.nullable(z.string()),
  tags: z.array(z.string()),
  at: z.iso.datetime(),
  nested: z.optional(z.object({ name: z.string(), flag: z.boolean() })),
})

const valid = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    count: fc.nat(),
    status: fc.constantFrom('open', 'closed'),
    note: fc.string(),
    owner: fc.option(fc.string()),
    tags: fc.array(fc.string()),
    at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    nested: fc.record({ name: fc.string(), flag: fc.boolean() }),
  },
  { requiredKeys: ['id', 'count', 'status', 'owner', 'tags', 'at'] },
)
/** Valid records with some fields swapped for anything, some dropped, and extra keys. */
const input = fc.oneof(
  valid,
  fc
    .tuple(valid, fc.dictionary(fc.string(), fc.anything()), fc.dictionary(fc.string(), fc.anything()))
    .map(([record, swapped, extra]) => ({ ...extra, ...record, ...swapped })),
  fc.anything(),
)

const outcome = (result: ReturnType<typeof z.safeParse>) =>
  result.success
    ? { success: true, data: result.data }
    : { success: false, issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) }

describe('compiledObject', () => {
  it('parses every input as z.object does: the same data, the same issues at the same paths', () => {
    const plain = z.object(shape())
    const compiled = compiledObject(shape())
    fc.assert(
      fc.property(input, (value) => {
        expect(outcome(z.safeParse(compiled, value))).toEqual(outcome(z.safeParse(plain, value)))
      }),
      { numRuns: 2000 },
    )
  })

  it('is a zod/mini object in every other way: shape, extend, partial, discriminated unions', () => {
    const compiled = compiledObject(shape())
    expect(Object.keys(compiled.shape)).toEqual(Object.keys(shape()))
    const extended = z.extend(compiled, { extra: z.number() })
    expect(
      z.safeParse(extended, {
        id: 'a',
        count: 1,
        status: 'open',
        owner: null,
        tags: [],
        at: '2026-01-01T00:00:00.000Z',
      }).success,
    ).toBe(false)
    expect(z.parse(z.partial(compiled), {})).toEqual({})
    const union = z.discriminatedUnion('type', [
      compiledObject({ type: z.literal('a'), a: z.string() }),
      compiledObject({ type: z.literal('b'), b: z.number() }),
    ])
    expect(z.parse(union, { type: 'b', b: 2, dropped: true })).toEqual({ type: 'b', b: 2 })
    expect(z.safeParse(union, { type: 'c' }).success).toBe(false)
  })

  it('keeps the wire schemas as they were: a conversation parses to itself, an event by its type', () => {
    fc.assert(
      fc.property(conversationArb, (conversation) => {
        expect(z.parse(conversationSchema, { ...conversation, unknownField: 1 })).toEqual(conversation)
      }),
      { numRuns: 300 },
    )
    const event = { seq: 3, at: '2026-01-01T00:00:00.000Z', type: 'conversation.deleted', conversationId: 'cnv_1' }
    expect(z.parse(inboxEventSchema, event)).toEqual(event)
    expect(z.safeParse(inboxEventSchema, { ...event, conversationId: 4 }).success).toBe(false)
  })
})
