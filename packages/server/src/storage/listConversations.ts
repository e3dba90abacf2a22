import {
  type ConversationFilter,
  type ConversationSortKey,
  compareConversations,
  isPhoneQuery,
  phoneDigits,
  searchTokens,
  type Viewer,
} from '@switchboard/protocol'
import type { SelectQueryBuilder } from 'kysely'
import type { Database } from './database'
import { clientsMatching, hasDigits, hasWordStarting, phonesMatching, type SearchPlan } from './searchCandidates'

type Joined = Database & { c: Database['conversations']; ct: Database['contacts']; cl: Database['clients'] }
type Row = { data: string; contact_data: string | null; client_data: string | null }

/**
 * `matchesFilter` (protocol) as SQL, for one page in list order strictly after `after`. Each
 * branch mirrors a line of the rule; the storage suite checks both give the same pages.
 */
export async function listConversations(
  plan: SearchPlan,
  base: SelectQueryBuilder<Joined, 'c' | 'ct' | 'cl', Row>,
  filter: ConversationFilter,
  viewer: Viewer,
  after: ConversationSortKey | null,
  limit: number,
): Promise<Row[]> {
  const { clinicId } = plan
  // A rare search looks its few matches up by index; a common one scans the list in order.
  let query = base
  let fewMatches = false
  if (filter.status === 'open' || filter.status === 'closed') query = query.where('c.status', '=', filter.status)
  if (filter.status === 'unread') {
    query = query
      .where('c.status', '=', 'open')
      .where((eb) => eb.or([eb('c.unread_count', '>', 0), eb('c.marked_unread', '=', 1)]))
  }
  if (filter.contactType === 'clients') query = query.where('cl.id', 'is not', null)
  if (filter.contactType === 'leads') query = query.where('cl.id', 'is', null)
  if (filter.assignee === 'me') query = query.where('c.assignee_id', '=', viewer.userId)
  else if (filter.assignee === 'unassigned') query = query.where('c.assignee_id', 'is', null)
  else if (filter.assignee !== 'all') query = query.where('c.assignee_id', '=', filter.assignee)
  if (filter.inbox !== 'all') query = query.where('c.inbox_id', '=', filter.inbox)

  const q = filter.q.trim()
  if (q && isPhoneQuery(q)) {
    const phones = await phonesMatching(plan, q)
    if (phones?.length === 0) return []
    const digits = phoneDigits(q)
    fewMatches = phones !== null
    query = phones ? query.where('c.phone', 'in', phones) : query.where(hasDigits(clinicId, 'c.phone', digits))
  } else if (q) {
    const clients = await clientsMatching(plan, q)
    if (clients?.length === 0) return []
    fewMatches = clients !== null
    // The matching clients' numbers drive the lookup (a left join would make the database walk
    // every conversation to test its client).
    query = clients
      ? query.where('c.phone', 'in', (eb) =>
          eb
            .selectFrom('contacts as byClient')
            .select('byClient.phone')
            .where('byClient.clinic_id', '=', clinicId)
            .where('byClient.client_id', 'in', clients),
        )
      : query.where('cl.id', 'is not', null)
    for (const token of searchTokens(q)) query = query.where(hasWordStarting(clinicId, 'cl.id', token))
  }

  if (fewMatches) {
    // The database would walk the whole list in order to find a few rows: take their sort keys
    // by index instead, order them by protocol's rule, then read the page.
    const keys = (
      await query.clearSelect().select(['c.id as id', 'c.last_activity_at as lastActivityAt']).execute()
    ).sort(compareConversations)
    const page = keys.filter((k) => !after || compareConversations(after, k) < 0).slice(0, limit)
    if (!page.length) return []
    const rows = await base
      .where(
        'c.id',
        'in',
        page.map((k) => k.id),
      )
      .execute()
    const byId = new Map(rows.map((r) => [(JSON.parse(r.data) as { id: string }).id, r]))
    return page.flatMap((k) => byId.get(k.id) ?? [])
  }
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('c.last_activity_at', '<', after.lastActivityAt),
        eb.and([eb('c.last_activity_at', '=', after.lastActivityAt), eb('c.id', '<', after.id)]),
      ]),
    )
  }
  return query.orderBy('c.last_activity_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute()
}
