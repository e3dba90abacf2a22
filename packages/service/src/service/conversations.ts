import {
  type AssignToClientRequest,
  assignToClientRequestSchema,
  type Conversation,
  hasPermission,
  type ListConversationsQuery,
  listConversationsQuerySchema,
  normalizeFilter,
  type Page,
  type PatchConversationRequest,
  parseOrThrow,
  patchConversationRequestSchema,
  type StartConversationRequest,
  type StartConversationResponse,
  SwitchboardError,
  startConversationRequestSchema,
} from '@switchboard/protocol'
import { decodeCursor, encodeCursor } from '../rules/cursor'
import { type Actor, requirePermission } from './actor'
import { discardFiles } from './attachments'
import { newClientRecord } from './contacts'
import { inClinic, type ServiceContext, type Work } from './context'
import { assertTwoWay, parseSend, reread, sendInWork } from './messaging'
import {
  assertCanText,
  contactPhone,
  emitConversation,
  ensureContact,
  ensureConversation,
  loadConversation,
  saveContact,
} from './records'

/** The filtered list, newest activity first, a cursor page at a time. */
export async function listConversations(
  ctx: ServiceContext,
  actor: Actor,
  query: ListConversationsQuery = {},
): Promise<Page<Conversation>> {
  requirePermission(actor)
  const { cursor, limit = 30, ...filter } = parseOrThrow(listConversationsQuerySchema, query, 'query')
  const after = cursor ? decodeCursor(cursor) : null
  return inClinic(ctx, actor.clinicId, async (w) => {
    const rows = await w.tx.listConversations(normalizeFilter(filter), { userId: actor.userId }, after, limit + 1)
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
  })
}

/** One conversation of the actor's clinic. */
export async function getConversation(ctx: ServiceContext, actor: Actor, id: string): Promise<Conversation> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) => {
    const conversation = await w.tx.getConversation(id)
    if (!conversation)
      throw new SwitchboardError('not_found', 'This conversation does not exist or was deleted.', { id })
    return conversation
  })
}

async function phoneForClient(w: Work, clientId: string): Promise<string> {
  const client = await w.tx.getClient(clientId)
  if (!client) throw new SwitchboardError('not_found', 'This client does not exist.', { clientId })
  const phone = client.phones[0]
  if (!phone)
    throw new SwitchboardError('invalid_phone', `${client.firstName} ${client.lastName} has no mobile number on file.`)
  return contactPhone(w, phone)
}

/**
 * Starts a conversation with a client (their first mobile number) or any valid number. If the
 * number already has one, that one is returned (reopened if closed). A body is sent at once, in
 * the same transaction: a refused first message (opted out, one-way mode, unknown attachment…)
 * leaves no conversation behind.
 */
export async function startConversation(
  ctx: ServiceContext,
  actor: Actor,
  input: StartConversationRequest,
): Promise<StartConversationResponse> {
  requirePermission(actor)
  const request = parseOrThrow(startConversationRequestSchema, input, 'request')
  const body = request.body?.trim() ?? ''
  const send =
    body.length > 0 || (request.attachmentIds?.length ?? 0) > 0
      ? parseSend({
          clientMessageId: request.clientMessageId ?? ctx.newId('cmid'),
          body,
          attachmentIds: request.attachmentIds ?? [],
        })
      : null
  const started = await inClinic(ctx, actor.clinicId, async (w) => {
    const phone = request.clientId ? await phoneForClient(w, request.clientId) : contactPhone(w, request.phone ?? '')
    const contact = await ensureContact(w, phone, request.clientId)
    if (send) {
      assertTwoWay(w)
      assertCanText(contact)
    }
    const { record, created } = await ensureConversation(w, ctx.newId, phone, 'open')
    if (record.status === 'closed') {
      record.status = 'open'
      record.closedAt = null
      record.lastActivityAt = w.now
      await w.tx.putConversation(record)
      w.unreadChanged()
    }
    if (created || request.clientId) await emitConversation(w, record.id)
    const message = send ? await sendInWork(ctx, w, actor, record, send, contact) : null
    return { id: record.id, created, message }
  })
  return {
    conversation: await getConversation(ctx, actor, started.id),
    created: started.created,
    message: started.message ? await reread(ctx, actor.clinicId, started.message) : null,
  }
}

/** Close or reopen, assign or unassign, move to an inbox (or out of all), dismiss a possible opt-out. */
export async function updateConversation(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: PatchConversationRequest,
): Promise<Conversation> {
  requirePermission(actor)
  const patch = parseOrThrow(patchConversationRequestSchema, input, 'change')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const record = await loadConversation(w, id)
    if (patch.status !== undefined && patch.status !== record.status) {
      record.status = patch.status
      record.closedAt = patch.status === 'closed' ? w.now : null
      w.unreadChanged()
    }
    if (patch.assigneeId !== undefined) {
      if (patch.assigneeId !== null) {
        const member = await w.tx.getMember(patch.assigneeId)
        if (!member)
          throw new SwitchboardError('not_found', 'This team member does not exist.', { id: patch.assigneeId })
        if (!hasPermission(member, 'messaging')) {
          throw new SwitchboardError(
            'validation_failed',
            `${member.name} cannot use the SMS inbox, so cannot be assigned.`,
          )
        }
      }
      record.assigneeId = patch.assigneeId
    }
    if (patch.optOutRequest === null) record.optOutRequest = null
    if (patch.inboxId !== undefined) {
      if (patch.inboxId !== null && patch.inboxId !== record.inboxId) {
        const inbox = (await w.tx.listInboxes()).find((i) => i.id === patch.inboxId)
        if (!inbox) throw new SwitchboardError('not_found', 'This inbox does not exist.', { id: patch.inboxId })
        if (inbox.archived) {
          throw new SwitchboardError(
            'conflict',
            `The inbox "${inbox.name}" is archived: it takes no new conversations.`,
          )
        }
      }
      if (record.inboxId !== patch.inboxId) w.unreadChanged()
      record.inboxId = patch.inboxId
    }
    await w.tx.putConversation(record)
    return emitConversation(w, id)
  })
}

/**
 * Deletes a conversation, its messages and attachments for good. A file another conversation's
 * message still carries (the same upload sent twice) and library documents are kept.
 */
export async function deleteConversation(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'messaging.delete')
  await inClinic(ctx, actor.clinicId, async (w) => {
    await loadConversation(w, id)
    const carried = (await w.tx.listMessages(id, null, Number.MAX_SAFE_INTEGER)).flatMap((m) => m.attachments)
    const ids = [...new Set(carried.map((a) => a.id))]
    await w.tx.deleteConversation(id)
    const inUse = await w.tx.attachmentsInUse(ids, id)
    const unused: string[] = []
    for (const fileId of ids) {
      if (inUse.has(fileId)) continue
      const record = await w.tx.getAttachment(fileId)
      if (record?.library) continue
      if (record) await w.tx.deleteAttachment(fileId)
      unused.push(fileId)
    }
    w.emit({ type: 'conversation.deleted', conversationId: id })
    w.unreadChanged()
    w.afterCommit(async () =>
      discardFiles(
        ctx,
        unused.map((fileId) => ({ id: fileId })),
      ),
    )
  })
}

/** Marks read (clears the unread count and the "marked unread" flag) or marks unread. */
export async function setRead(ctx: ServiceContext, actor: Actor, id: string, read: boolean): Promise<Conversation> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) => {
    const record = await loadConversation(w, id)
    const next = read ? { unreadCount: 0, markedUnread: false } : { markedUnread: true }
    if (read ? record.unreadCount === 0 && !record.markedUnread : record.markedUnread) {
      const unchanged = await w.tx.getConversation(id)
      if (unchanged) return unchanged
    }
    await w.tx.putConversation({ ...record, ...next })
    w.unreadChanged()
    return emitConversation(w, id)
  })
}

/** Assigns the conversation's number to an existing client, or to a new client made from it. */
export async function assignToClient(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: AssignToClientRequest,
): Promise<Conversation> {
  const request = parseOrThrow(assignToClientRequestSchema, input, 'request')
  if ('newClient' in request) requirePermission(actor, 'clients.edit')
  else requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) => {
    const record = await loadConversation(w, id)
    let client = 'clientId' in request ? await w.tx.getClient(request.clientId) : null
    if ('clientId' in request && !client) {
      throw new SwitchboardError('not_found', 'This client does not exist.', { clientId: request.clientId })
    }
    if ('newClient' in request) {
      client = newClientRecord(ctx, w, request.newClient, [])
    }
    if (!client) throw new SwitchboardError('validation_failed', 'Give a clientId or a newClient.')
    if (!client.phones.includes(record.phone)) client.phones = [...client.phones, record.phone]
    await w.tx.putClient(client)
    const contact = await ensureContact(w, record.phone)
    await saveContact(w, { ...contact, clientId: client.id })
    return (await w.tx.getConversation(id)) as Conversation
  })
}
