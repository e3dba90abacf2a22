import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteStorage } from '../index'
import { migrate } from '../storage/migrations'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const weekday = { open: '08:00', close: '18:00' }
const oldClinic = {
  clinic: {
    id: 'cln_old',
    name: 'Old Clinic',
    smsNumber: '+14155550100',
    timezone: 'America/Denver',
    country: 'US',
    mode: 'two-way',
    businessHours: [null, weekday, weekday, weekday, weekday, weekday, null],
  },
  settings: {
    autoReply: { enabled: true, text: 'Closed.' },
    afterHoursAlert: { enabled: false, recipients: [] },
    businessHours: [null, weekday, weekday, weekday, weekday, weekday, null],
    optOutFooter: 'Reply STOP to opt out.',
    helpText: 'Call us.',
  },
  limits: {
    maxAttachmentBytes: 1,
    maxMessageBytes: 1,
    maxAttachments: 1,
    allowedContentTypes: [],
    maxBodyLength: 1600,
  },
}

const message = (id: string, body: string, status: string, error?: object) => ({
  clinic_id: 'cln_old',
  id,
  conversation_id: 'cnv_1',
  seq: Number(id.slice(-1)),
  phone: '+16505550177',
  client_message_id: null,
  provider_message_id: null,
  created_at: '2026-11-30T18:00:00.000Z',
  origin: 'staff',
  direction: 'outbound',
  status,
  data: JSON.stringify({ id, body, attachments: [], status, ...(error ? { error } : {}) }),
})

describe('migrations', () => {
  it('a database of the previous release keeps its settings and counts its messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-migrate-'))
    dirs.push(dir)
    const file = join(dir, 'old.db')
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(file) }) })
    await migrate(old, { to: '002_messages_status' })
    const raw = old as unknown as Kysely<Record<string, Record<string, unknown>>>
    await raw
      .insertInto('clinics')
      .values({ id: 'cln_old', sms_number: '+14155550100', data: JSON.stringify(oldClinic), last_seq: 0 })
      .execute()
    await raw
      .insertInto('messages')
      .values([
        message('msg_1', 'ł'.repeat(71), 'delivered'),
        message('msg_2', 'short', 'failed', { code: '30006', reason: 'landline', message: 'Landline' }),
      ])
      .execute()
    await old.destroy()

    const storage = await createSqliteStorage({ file })
    try {
      const { record, rows } = await storage.transaction('cln_old', async (tx) => ({
        record: await tx.clinic(),
        rows: await tx.countMessages('2026-11-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z', 'hour'),
      }))
      expect(record.settings.businessHours).toEqual({
        timezone: 'America/Denver',
        weekly: [[], [weekday], [weekday], [weekday], [weekday], [weekday], []],
        holidays: [],
      })
      expect('businessHours' in record.clinic).toBe(false)
      expect(rows.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
        {
          origin: 'staff',
          direction: 'outbound',
          status: 'delivered',
          reason: null,
          bucket: '2026-11-30T18',
          count: 1,
          segments: 2,
        },
        {
          origin: 'staff',
          direction: 'outbound',
          status: 'failed',
          reason: 'landline',
          bucket: '2026-11-30T18',
          count: 1,
          segments: 1,
        },
      ])
    } finally {
      await storage.close()
    }
  })
})
