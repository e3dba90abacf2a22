import { type Client, compareClients, isPhoneQuery, phoneDigits, searchTokens } from '@switchboard/protocol'
import { datas, PREFIX_END } from './rows'
import {
  CLIENT_CANDIDATES,
  clientsMatching,
  hasDigits,
  hasWordStarting,
  phonesMatching,
  type SearchPlan,
} from './searchCandidates'

/** Orders `(id, sortKey)` pairs as protocol's `compareClients` orders clients. */
const bySortKey = (a: { id: string; sortKey: string }, b: { id: string; sortKey: string }) =>
  a.sortKey !== b.sortKey ? (a.sortKey < b.sortKey ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * The first `limit` clients a search finds (by name words or by phone digits), in protocol's
 * client order. Names cluster in that order ("smith" sits far down it), so whenever the indexes
 * can list the matches (up to five times the plan's limit), their sort keys are read and ordered
 * here, then the page's records; only a search too common to list walks the clients in order.
 */
export async function searchClients(plan: SearchPlan, q: string, limit: number): Promise<Client[]> {
  const { db, clinicId } = plan
  const query = q.trim()
  const all = db.selectFrom('clients as cl').where('cl.clinic_id', '=', clinicId)
  let keys: Array<{ id: string; sortKey: string }> | null = null
  let walk = all
  if (query && isPhoneQuery(query)) {
    const phones = await phonesMatching(plan, query)
    if (phones?.length === 0) return []
    const digits = phoneDigits(query)
    walk = all.where('cl.id', 'in', (eb) => {
      const byPhone = eb.selectFrom('client_phones as p').select('p.client_id').where('p.clinic_id', '=', clinicId)
      return phones ? byPhone.where('p.phone', 'in', phones) : byPhone.where(hasDigits(clinicId, 'p.phone', digits))
    })
    if (phones) keys = await walk.select(['cl.id as id', 'cl.sort_key as sortKey']).execute()
  } else if (query) {
    const tokens = [...searchTokens(query)]
    const clients = await clientsMatching(plan, query, plan.limit * CLIENT_CANDIDATES)
    if (clients?.length === 0) return []
    for (const token of tokens) walk = walk.where(hasWordStarting(clinicId, 'cl.id', token))
    if (clients) {
      // Driven by the word index from the query's longest word (a list of ids made the database
      // scan every client to test it), each other word checked per client.
      const lead = [...tokens].sort((a, b) => b.length - a.length)[0] ?? ''
      let byWord = db
        .selectFrom('client_words as w')
        .innerJoin('clients as cl', (j) =>
          j.onRef('cl.clinic_id', '=', 'w.clinic_id').onRef('cl.id', '=', 'w.client_id'),
        )
        .select(['cl.id as id', 'cl.sort_key as sortKey'])
        .distinct()
        .where('w.clinic_id', '=', clinicId)
        .where('w.word', '>=', lead)
        .where('w.word', '<', lead + PREFIX_END)
      for (const token of tokens) if (token !== lead) byWord = byWord.where(hasWordStarting(clinicId, 'cl.id', token))
      keys = await byWord.execute()
    }
  }
  if (keys) {
    const page = keys.sort(bySortKey).slice(0, limit)
    if (!page.length) return []
    const rows = await all
      .select('cl.data')
      .where(
        'cl.id',
        'in',
        page.map((k) => k.id),
      )
      .execute()
    return datas<Client>(rows).sort(compareClients)
  }
  return datas<Client>(await walk.select('cl.data').orderBy('cl.sort_key').orderBy('cl.id').limit(limit).execute())
}
