import type { InboxEvent } from '@switchboard/protocol'
import {
  type AttachmentRecord,
  BUCKET_LENGTH,
  type MessageCountRow,
  type MessageRecord,
  type StorageTx,
} from '@switchboard/service'
import { sql } from 'kysely'
import {
  attachmentRow,
  type Db,
  data,
  datas,
  eventRow,
  insertChunked,
  messageAttachmentRows,
  messageRow,
  scopeTo,
} from './rows'

type MessagesTx = Pick<
  StorageTx,
  | 'nextMessageSeq'
  | 'insertMessage'
  | 'updateMessage'
  | 'getMessage'
  | 'getMessageByClientMessageId'
  | 'getMessageByProviderId'
  | 'listMessages'
  | 'listMessagesByPhones'
  | 'listUndispatched'
  | 'countMessages'
  | 'getAttachment'
  | 'putAttachment'
  | 'deleteAttachment'
  | 'listLibrary'
  | 'attachmentsInUse'
  | 'appendEvents'
  | 'lastSeq'
  | 'eventsAfter'
>

/** The messages, files and event log of one clinic's transaction (the rest of {@link createSqlTx}). */
export function sqlMessagesTx(db: Db, clinicId: string, eventRetention: number, lastSeq: number): MessagesTx {
  const inClinic = scopeTo(clinicId)
  /** The seq of the clinic's last logged event: read with the clinic's row, moved by this transaction. */
  let logHead = lastSeq
  const head = async () => logHead

  return {
    async nextMessageSeq(conversationId) {
      const row = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where(...inClinic('clinic_id'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst()
      return Number(row?.seq ?? 0) + 1
    },
    async insertMessage(message) {
      await db.insertInto('messages').values(messageRow(clinicId, message)).execute()
      const uses = messageAttachmentRows(clinicId, message)
      if (uses.length) await db.insertInto('message_attachments').values(uses).execute()
    },
    async updateMessage(message) {
      const { clinic_id: _c, id: _i, ...changes } = messageRow(clinicId, message)
      await db
        .updateTable('messages')
        .set(changes)
        .where(...inClinic('clinic_id'))
        .where('id', '=', message.id)
        .execute()
    },
    async getMessage(id) {
      return data<MessageRecord>(
        await db
          .selectFrom('messages')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('id', '=', id)
          .executeTakeFirst(),
      )
    },
    async getMessageByClientMessageId(clientMessageId) {
      return data<MessageRecord>(
        await db
          .selectFrom('messages')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('client_message_id', '=', clientMessageId)
          .limit(1)
          .executeTakeFirst(),
      )
    },
    async getMessageByProviderId(providerMessageId) {
      return data<MessageRecord>(
        await db
          .selectFrom('messages')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('provider_message_id', '=', providerMessageId)
          .limit(1)
          .executeTakeFirst(),
      )
    },
    async listMessages(conversationId, before, limit) {
      let query = db
        .selectFrom('messages')
        .select('data')
        .where(...inClinic('clinic_id'))
        .where('conversation_id', '=', conversationId)
      if (before !== null) query = query.where('seq', '<', before)
      return datas<MessageRecord>(await query.orderBy('seq', 'desc').limit(limit).execute()).reverse()
    },
    async listMessagesByPhones(phones, before, limit) {
      if (!phones.length) return []
      let query = db
        .selectFrom('messages')
        .select('data')
        .where(...inClinic('clinic_id'))
        .where('phone', 'in', [...phones])
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', before.createdAt),
            eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
          ]),
        )
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
      return datas<MessageRecord>(rows).reverse()
    },
    async listUndispatched(limit) {
      const rows = await db
        .selectFrom('messages')
        .select('data')
        .where(...inClinic('clinic_id'))
        .where('direction', '=', 'outbound')
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'sending'), eb('provider_message_id', 'is', null)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute()
      return datas<MessageRecord>(rows)
    },
    async countMessages(from, to, bucket) {
      const cut = sql<string>`substr(created_at, 1, ${sql.lit(BUCKET_LENGTH[bucket])})`
      const rows = await db
        .selectFrom('messages')
        .select([
          'origin',
          'direction',
          'status',
          'failure',
          cut.as('bucket'),
          (eb) => eb.fn.countAll<number>().as('count'),
          (eb) => eb.fn.sum<number>('segments').as('segments'),
        ])
        .where(...inClinic('clinic_id'))
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .groupBy(['origin', 'direction', 'status', 'failure', cut])
        .execute()
      return rows.map(
        ({ failure, ...r }) =>
          ({ ...r, reason: failure, count: Number(r.count), segments: Number(r.segments) }) as MessageCountRow,
      )
    },

    async getAttachment(id) {
      return data<AttachmentRecord>(
        await db
          .selectFrom('attachments')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('id', '=', id)
          .executeTakeFirst(),
      )
    },
    async putAttachment(attachment) {
      const row = attachmentRow(clinicId, attachment)
      const { clinic_id: _c, id: _i, ...changes } = row
      await db
        .insertInto('attachments')
        .values(row)
        .onConflict((oc) => oc.columns(['clinic_id', 'id']).doUpdateSet(changes))
        .execute()
    },
    async deleteAttachment(id) {
      await db
        .deleteFrom('attachments')
        .where(...inClinic('clinic_id'))
        .where('id', '=', id)
        .execute()
    },
    async listLibrary() {
      return datas<AttachmentRecord>(
        await db
          .selectFrom('attachments')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('library', '=', 1)
          .execute(),
      )
    },
    async attachmentsInUse(ids, exceptConversationId) {
      if (!ids.length) return new Set()
      const rows = await db
        .selectFrom('message_attachments')
        .select('attachment_id')
        .distinct()
        .where(...inClinic('clinic_id'))
        .where('attachment_id', 'in', [...ids])
        .where('conversation_id', '!=', exceptConversationId)
        .execute()
      return new Set(rows.map((r) => r.attachment_id))
    },

    async appendEvents(events, at) {
      if (!events.length) return []
      const first = (await head()) + 1
      const logged = events.map((e, i) => ({ ...e, seq: first + i, at }) as InboxEvent)
      await insertChunked(
        db,
        'events',
        logged.map((e) => eventRow(clinicId, e)),
      )
      const last = first + logged.length - 1
      await db.updateTable('clinics').set({ last_seq: last }).where('id', '=', clinicId).execute()
      logHead = last
      // Until the log is longer than it keeps, nothing can fall out of it.
      if (last > eventRetention)
        await db
          .deleteFrom('events')
          .where(...inClinic('clinic_id'))
          .where('seq', '<=', last - eventRetention)
          .execute()
      return logged
    },
    lastSeq: head,
    async eventsAfter(seq, limit) {
      const lastSeq = await head()
      const oldestRow = await db
        .selectFrom('events')
        .select((eb) => eb.fn.min('seq').as('seq'))
        .where(...inClinic('clinic_id'))
        .executeTakeFirst()
      const oldest = oldestRow?.seq == null ? lastSeq + 1 : Number(oldestRow.seq)
      if (seq < lastSeq && seq < oldest - 1) return { events: [], expired: true, lastSeq }
      const rows = await db
        .selectFrom('events')
        .select('data')
        .where(...inClinic('clinic_id'))
        .where('seq', '>', seq)
        .orderBy('seq')
        .limit(limit)
        .execute()
      return { events: datas<InboxEvent>(rows), expired: false, lastSeq }
    },
  }
}
