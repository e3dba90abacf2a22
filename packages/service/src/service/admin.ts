import {
  createInboxRequestSchema,
  type EventsResponse,
  eventsQuerySchema,
  type Inbox,
  type MeResponse,
  type Metrics,
  metricsQuerySchema,
  parseOrThrow,
  patchInboxRequestSchema,
  type Settings,
  SwitchboardError,
  type TeamMember,
  type TypingEvent,
  type UnreadTotals,
  updateSettingsRequestSchema,
  type ViewingEvent,
} from '@switchboard/protocol'
import { bucketFor, summarizeMetrics } from '../rules/metrics'
import { type Actor, requirePermission } from './actor'
import { inClinic, presentEvent, publish, type ServiceContext } from './context'
import { loadConversation } from './records'

/** The staff user, their permissions, the clinic and its limits. Needs no permission. */
export async function me(ctx: ServiceContext, actor: Actor): Promise<MeResponse> {
  return inClinic(ctx, actor.clinicId, async (w) => {
    const user = await w.tx.getMember(actor.userId)
    if (!user) throw new SwitchboardError('unauthorized', 'Your session does not match a team member; sign in again.')
    return { user: { ...user, permissions: [...actor.permissions] }, clinic: w.clinic.clinic, limits: w.clinic.limits }
  })
}

export async function listInboxes(ctx: ServiceContext, actor: Actor): Promise<Inbox[]> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, (w) => w.tx.listInboxes())
}

/** Creates a named inbox (Front desk, Billing…); names are unique, ignoring case. */
export async function createInbox(ctx: ServiceContext, actor: Actor, input: { name: string }): Promise<Inbox> {
  requirePermission(actor, 'messaging.manageInboxes')
  const { name } = parseOrThrow(createInboxRequestSchema, input, 'inbox')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const inboxes = await w.tx.listInboxes()
    if (inboxes.some((i) => i.name.toLowerCase() === name.toLowerCase())) {
      throw new SwitchboardError('conflict', `An inbox named "${name}" already exists.`)
    }
    const inbox = { id: ctx.newId('inb'), name }
    await w.tx.putInbox(inbox)
    return inbox
  })
}

/**
 * Renames an inbox, archives it or brings it back (`messaging.manageInboxes`). An archived inbox
 * keeps its conversations (they can still be filtered and moved out) but takes no new ones.
 */
export async function updateInbox(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { name?: string; archived?: boolean },
): Promise<Inbox> {
  requirePermission(actor, 'messaging.manageInboxes')
  const patch = parseOrThrow(patchInboxRequestSchema, input, 'inbox')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const inboxes = await w.tx.listInboxes()
    const inbox = inboxes.find((i) => i.id === id)
    if (!inbox) throw new SwitchboardError('not_found', 'This inbox does not exist any more.')
    const name = patch.name ?? inbox.name
    if (inboxes.some((i) => i.id !== id && i.name.toLowerCase() === name.toLowerCase())) {
      throw new SwitchboardError('conflict', `An inbox named "${name}" already exists.`)
    }
    const { archived: _a, ...rest } = inbox
    const archived = patch.archived ?? inbox.archived ?? false
    const updated: Inbox = { ...rest, name, ...(archived ? { archived: true } : {}) }
    await w.tx.putInbox(updated)
    return updated
  })
}

export async function listTeam(ctx: ServiceContext, actor: Actor): Promise<TeamMember[]> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, (w) => w.tx.listTeam())
}

export async function unreadTotals(ctx: ServiceContext, actor: Actor): Promise<UnreadTotals> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, (w) => w.tx.unreadTotals())
}

export async function getSettings(ctx: ServiceContext, actor: Actor): Promise<Settings> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) => w.clinic.settings)
}

/**
 * Replaces the add-on settings (auto-reply, alerts, business hours, footer, help text), each
 * text within its limit, alert recipients as e-mail addresses, hours sound in a known time zone
 * (which becomes the clinic's).
 */
export async function updateSettings(ctx: ServiceContext, actor: Actor, input: Settings): Promise<Settings> {
  requirePermission(actor, 'messaging.settings')
  const settings = parseOrThrow(updateSettingsRequestSchema, input, 'settings')
  return inClinic(ctx, actor.clinicId, async (w) => {
    await w.tx.putSettings(settings)
    return settings
  })
}

/**
 * Sent, delivered, failed and received texts and their billed segments for a period of at most
 * a year: in total, by origin, per day of the clinic's time zone, and failures by reason.
 */
export async function metrics(
  ctx: ServiceContext,
  actor: Actor,
  query: { from: string; to: string },
): Promise<Metrics> {
  requirePermission(actor)
  const { from, to } = parseOrThrow(metricsQuerySchema, query, 'query')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const timezone = w.clinic.clinic.timezone
    const rows = await w.tx.countMessages(from, to, bucketFor(timezone, from, to))
    return summarizeMetrics({ from, to, timezone }, rows)
  })
}

/** The events after `after`, or `events_expired` when the log no longer holds them all. */
export async function eventsAfter(
  ctx: ServiceContext,
  actor: Actor,
  query: { after: number | string },
  limit = 1000,
): Promise<EventsResponse> {
  requirePermission(actor)
  const { after } = parseOrThrow(eventsQuerySchema, query, 'query')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const { events, expired, lastSeq } = await w.tx.eventsAfter(after, limit)
    if (expired) {
      throw new SwitchboardError('events_expired', 'Missed events are no longer kept; reload the inbox.', { lastSeq })
    }
    return { events: events.map((event) => presentEvent(ctx, actor.clinicId, event)), lastSeq }
  })
}

/** Tells the clinic's other staff that this user opened (or left) a conversation. Not logged. */
export async function setViewing(
  ctx: ServiceContext,
  actor: Actor,
  conversationId: string,
  viewing: boolean,
): Promise<void> {
  requirePermission(actor)
  const event = await inClinic(ctx, actor.clinicId, async (w): Promise<ViewingEvent> => {
    if (viewing) await loadConversation(w, conversationId)
    const member = await w.tx.getMember(actor.userId)
    return { type: 'viewing', conversationId, userId: actor.userId, name: member?.name ?? 'Staff', viewing }
  })
  publish(ctx, actor.clinicId, [event])
}

/** Tells the clinic's other staff that this user is (or stopped) typing. Not logged. */
export async function setTyping(
  ctx: ServiceContext,
  actor: Actor,
  conversationId: string,
  typing: boolean,
): Promise<void> {
  requirePermission(actor)
  const event = await inClinic(ctx, actor.clinicId, async (w): Promise<TypingEvent> => {
    await loadConversation(w, conversationId)
    const member = await w.tx.getMember(actor.userId)
    return { type: 'typing', conversationId, userId: actor.userId, name: member?.name ?? 'Staff', typing }
  })
  publish(ctx, actor.clinicId, [event])
}
