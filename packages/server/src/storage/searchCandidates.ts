import { phoneDigits, searchTokens } from '@switchboard/protocol'
import { type RawBuilder, sql } from 'kysely'
import { type Db, DIGITS_END, PREFIX_END } from './rows'

/**
 * Past this many, a search is common enough that scanning the list in order fills a page at
 * once; below it, the few matches are looked up by index and sorted.
 */
export const CANDIDATE_LIMIT = 2000

/** How a search finds its candidates: `limit` above which it scans instead. */
export interface SearchPlan {
  db: Db
  clinicId: string
  limit: number
}

/** The distinct `pick` of the rows whose `column` is in [from, to), or null past the plan's limit. */
async function inRange(
  { db, clinicId, limit }: SearchPlan,
  table: 'phone_suffixes' | 'client_words',
  pick: 'phone' | 'client_id',
  column: 'suffix' | 'word',
  from: string,
): Promise<string[] | null> {
  const to = from + (column === 'suffix' ? DIGITS_END : PREFIX_END)
  const { rows } = await sql<{ value: string }>`select ${sql.ref(pick)} as value from ${sql.table(table)}
    where clinic_id = ${clinicId} and ${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}
    limit ${limit * 4}`.execute(db)
  const values = [...new Set(rows.map((r) => r.value))]
  return rows.length >= limit * 4 || values.length > limit ? null : values
}

/** The numbers whose digits contain `query`'s, or null when there are more than the plan's limit. */
export const phonesMatching = (plan: SearchPlan, query: string): Promise<string[] | null> =>
  inRange(plan, 'phone_suffixes', 'phone', 'suffix', phoneDigits(query))

/**
 * The clients with a word starting with the query's most telling word (its longest), or null
 * when there are more than the plan's limit; the other words are checked per client.
 */
export const clientsMatching = (plan: SearchPlan, query: string): Promise<string[] | null> =>
  inRange(
    plan,
    'client_words',
    'client_id',
    'word',
    [...searchTokens(query)].sort((a, b) => b.length - a.length)[0] ?? '',
  )

/** Whether the client in column `clientRef` has a word starting with `token` (one index range per client). */
export const hasWordStarting = (clinicId: string, clientRef: string, token: string): RawBuilder<boolean> =>
  sql<boolean>`exists (select 1 from client_words w where w.clinic_id = ${clinicId} and w.client_id = ${sql.ref(clientRef)} and w.word >= ${token} and w.word < ${token + PREFIX_END})`

/** Whether the number in column `phoneRef` contains `digits` (one index range per number). */
export const hasDigits = (clinicId: string, phoneRef: string, digits: string): RawBuilder<boolean> =>
  sql<boolean>`exists (select 1 from phone_suffixes s where s.clinic_id = ${clinicId} and s.phone = ${sql.ref(phoneRef)} and s.suffix >= ${digits} and s.suffix < ${digits + DIGITS_END})`
