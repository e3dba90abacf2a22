import {
  type Client,
  type ClientHistoryPage,
  type ClientHistoryQuery,
  type ConsentRequest,
  type Contact,
  type CreateClientRequest,
  clientHistoryQuerySchema,
  consentRequestSchema,
  createClientRequestSchema,
  type NewClient,
  type PatchClientRequest,
  parseOrThrow,
  patchClientRequestSchema,
  SwitchboardError,
  searchClientsQuerySchema,
} from '@switchboard/protocol'
import { toContact } from '../ports'
import { decodeHistoryCursor, encodeHistoryCursor } from '../rules/cursor'
import { type Actor, requirePermission } from './actor'
import { inClinic, presentMessage, type ServiceContext, type Work } from './context'
import { contactPhone, emitConversation, ensureContact, saveContact, toMessage } from './records'

/** Blocks or unblocks a number: nothing is sent to a blocked number and its texts open nothing. */
export async function setBlocked(
  ctx: ServiceContext,
  actor: Actor,
  phoneInput: string,
  blocked: boolean,
): Promise<Contact> {
  requirePermission(actor, 'messaging.block')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const contact = await ensureContact(w, contactPhone(w, phoneInput))
    if (contact.blocked !== blocked) await saveContact(w, { ...contact, blocked })
    return toContact({ ...contact, blocked })
  })
}

/** Contacts, e.g. the opted-out list (`{ optedOut: true }`). */
export async function listContacts(
  ctx: ServiceContext,
  actor: Actor,
  query: { optedOut?: boolean; blocked?: boolean } = {},
): Promise<Contact[]> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) => (await w.tx.listContacts(query)).map(toContact))
}

/**
 * Records consent given or withdrawn outside SMS (at the desk, on a form). A revocation opts the
 * contact out; a grant is kept on record but does not undo a STOP — only the contact texting
 * START does, as carriers require.
 */
export async function recordConsent(
  ctx: ServiceContext,
  actor: Actor,
  phoneInput: string,
  input: ConsentRequest,
): Promise<Contact> {
  requirePermission(actor)
  const request = parseOrThrow(consentRequestSchema, input, 'consent')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const contact = await ensureContact(w, contactPhone(w, phoneInput))
    if (request.at && Date.parse(request.at) > Date.parse(w.now) + 60_000) {
      throw new SwitchboardError('validation_failed', 'Consent cannot be recorded for a day still to come.', {
        at: request.at,
      })
    }
    const record = { ...request, at: request.at ?? w.now, recordedBy: actor.userId }
    const next = { ...contact, consent: [...contact.consent, record] }
    if (request.status === 'revoked' && request.scope === 'transactional' && !next.optedOut) {
      next.optedOut = { at: record.at, via: 'staff' }
    }
    await saveContact(w, next)
    return toContact(next)
  })
}

async function normalizePhones(w: Work, phones: readonly string[]): Promise<string[]> {
  return [...new Set(phones.map((p) => contactPhone(w, p)))]
}

/** Links contacts that have no client yet to this client, and refreshes their conversations. */
async function linkPhones(w: Work, client: Client): Promise<void> {
  for (const phone of client.phones) {
    const contact = await w.tx.getContact(phone)
    if (contact && contact.clientId === null) await saveContact(w, { ...contact, clientId: client.id })
    else if (contact?.clientId === client.id) {
      const conversation = await w.tx.findConversationByPhone(phone)
      if (conversation) await emitConversation(w, conversation.id)
    }
  }
}

/**
 * A new client record from a validated request: no balance yet, in the clinic's currency, with
 * the patients given (each with its own id).
 */
export function newClientRecord(ctx: ServiceContext, w: Work, request: NewClient, phones: string[]): Client {
  return {
    id: ctx.newId('cli'),
    firstName: request.firstName,
    lastName: request.lastName,
    email: request.email ?? null,
    phones,
    balance: { amountMinor: 0, currency: w.clinic.clinic.country === 'CA' ? 'CAD' : 'USD' },
    patients: (request.patients ?? []).map((p) => ({ id: ctx.newId('pat'), name: p.name, species: p.species ?? '' })),
  }
}

/** Clients by name (client or patient) or phone digits. */
export async function searchClients(
  ctx: ServiceContext,
  actor: Actor,
  query: { q?: string; limit?: number | string } = {},
): Promise<Client[]> {
  requirePermission(actor)
  const { q, limit = 20 } = parseOrThrow(searchClientsQuerySchema, query, 'query')
  return inClinic(ctx, actor.clinicId, (w) => w.tx.searchClients(q, limit))
}

/** One client record. */
export async function getClient(ctx: ServiceContext, actor: Actor, id: string): Promise<Client> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) => {
    const client = await w.tx.getClient(id)
    if (!client) throw new SwitchboardError('not_found', 'This client does not exist.', { id })
    return client
  })
}

/** Adds a client; numbers already texting the clinic are linked to them. */
export async function createClient(ctx: ServiceContext, actor: Actor, input: CreateClientRequest): Promise<Client> {
  requirePermission(actor, 'clients.edit')
  const request = parseOrThrow(createClientRequestSchema, input, 'client')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const client = newClientRecord(ctx, w, request, await normalizePhones(w, request.phones))
    await w.tx.putClient(client)
    await linkPhones(w, client)
    return client
  })
}

/** Edits a client; their conversations show the change at once. */
export async function updateClient(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: PatchClientRequest,
): Promise<Client> {
  requirePermission(actor, 'clients.edit')
  const patch = parseOrThrow(patchClientRequestSchema, input, 'change')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const current = await w.tx.getClient(id)
    if (!current) throw new SwitchboardError('not_found', 'This client does not exist.', { id })
    const client: Client = {
      ...current,
      ...(patch.firstName !== undefined ? { firstName: patch.firstName } : {}),
      ...(patch.lastName !== undefined ? { lastName: patch.lastName } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.phones !== undefined ? { phones: await normalizePhones(w, patch.phones) } : {}),
    }
    await w.tx.putClient(client)
    await linkPhones(w, client)
    // A number taken off the record is no longer theirs: its conversation is a lead again.
    for (const phone of current.phones.filter((p) => !client.phones.includes(p))) {
      const contact = await w.tx.getContact(phone)
      if (contact?.clientId === id) await saveContact(w, { ...contact, clientId: null })
    }
    return client
  })
}

/** The client's communication history across their numbers, campaigns included, oldest first. */
export async function clientMessages(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  query: ClientHistoryQuery = {},
): Promise<ClientHistoryPage> {
  requirePermission(actor)
  const { before, limit = 50 } = parseOrThrow(clientHistoryQuerySchema, query, 'query')
  const from = before ? decodeHistoryCursor(before) : null
  return inClinic(ctx, actor.clinicId, async (w) => {
    const client = await w.tx.getClient(id)
    if (!client) throw new SwitchboardError('not_found', 'This client does not exist.', { id })
    // One more than asked tells whether an older page exists.
    const found = await w.tx.listMessagesByPhones(client.phones, from, limit + 1)
    const items = found.slice(Math.max(0, found.length - limit))
    const oldest = items[0]
    return {
      items: items.map((m) => presentMessage(ctx, actor.clinicId, toMessage(m))),
      nextBefore: found.length > limit && oldest ? encodeHistoryCursor(oldest) : null,
    }
  })
}
