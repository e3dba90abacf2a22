import { describe, expect, it } from 'vitest'
import { isSwitchboardError, type SwitchboardError } from '../errors'
import {
  listConversationsQuerySchema,
  patchConversationRequestSchema,
  sendMessageRequestSchema,
  startConversationRequestSchema,
} from '../requests'
import { parseOrThrow } from '../validate'

describe('request schemas', () => {
  it('bounds every free string of a list query', () => {
    for (const field of ['assignee', 'inbox', 'q', 'cursor'])
      expect(listConversationsQuerySchema.safeParse({ [field]: 'x'.repeat(600) }).success, field).toBe(false)
  })

  it('fills list defaults and coerces the limit from a query string', () => {
    expect(listConversationsQuerySchema.parse({ limit: '25' })).toEqual({
      status: 'open',
      contactType: 'all',
      assignee: 'all',
      inbox: 'all',
      q: '',
      limit: 25,
    })
  })

  it('needs exactly one of clientId or phone to start a conversation', () => {
    expect(startConversationRequestSchema.safeParse({}).success).toBe(false)
    expect(startConversationRequestSchema.safeParse({ clientId: 'a', phone: '1' }).success).toBe(false)
    expect(startConversationRequestSchema.safeParse({ phone: '4155552671' }).success).toBe(true)
  })

  it('a message needs a body or an attachment', () => {
    expect(sendMessageRequestSchema.safeParse({ clientMessageId: 'x', body: '   ' }).success).toBe(false)
    expect(sendMessageRequestSchema.safeParse({ clientMessageId: 'x', attachmentIds: ['att_1'] }).success).toBe(true)
  })

  it('an empty patch is refused', () => {
    expect(patchConversationRequestSchema.safeParse({}).success).toBe(false)
    expect(patchConversationRequestSchema.parse({ assigneeId: null })).toEqual({ assigneeId: null })
  })
})

describe('parseOrThrow', () => {
  it('names each bad field in a validation_failed error', () => {
    try {
      parseOrThrow(sendMessageRequestSchema, { clientMessageId: '', body: 5 }, 'message')
      expect.unreachable()
    } catch (error) {
      expect(isSwitchboardError(error)).toBe(true)
      const e = error as SwitchboardError
      expect(e.code).toBe('validation_failed')
      expect(e.status).toBe(422)
      expect(e.message).toContain('Invalid message: clientMessageId must be at least 1 characters')
      expect(e.message).toContain('body expected string')
      expect(e.toBody().error.code).toBe('validation_failed')
    }
  })
})
