import type { Attachment, Client, MessageOrigin, MessageStatus } from '@switchboard/protocol'
import { hasPermission } from '@switchboard/protocol'
import type { ClinicSeed, ContactRecord, MessageRecord } from '../ports'
import { describeDeliveryError } from '../rules/delivery'
import type { Rng } from './prng'
import { CAMPAIGNS, DIALOGUES, INVOICE_DIALOGUE, PHOTO_DIALOGUE, type Turn } from './vocabulary'

type Scenario = 'normal' | 'campaign' | 'photo' | 'pdf' | 'failed' | 'opted-out' | 'blocked'
const SCENARIOS: Array<[Scenario, number]> = [
  ['normal', 0.62],
  ['campaign', 0.12],
  ['photo', 0.06],
  ['pdf', 0.05],
  ['failed', 0.07],
  ['opted-out', 0.05],
  ['blocked', 0.03],
]

function pickScenario(rng: Rng): Scenario {
  let r = rng.next()
  for (const [scenario, weight] of SCENARIOS) {
    r -= weight
    if (r < 0) return scenario
  }
  return 'normal'
}

interface Draft {
  direction: 'inbound' | 'outbound'
  origin: MessageOrigin
  body: string
  attachments?: Attachment[]
  status?: MessageStatus
  campaign?: { id: string; name: string }
  /** Sent within the same minute as the draft before (a second text in a row). */
  quick?: boolean
}

const MINUTE = 60_000

/** Adds one conversation (contact, messages, attachments) of a scenario drawn from `rng` to `seed`. */
export function buildConversation(
  rng: Rng,
  seed: ClinicSeed,
  { index, phone, client, now }: { index: number; phone: string; client: Client | null; now: Date },
): void {
  const scenario = pickScenario(rng)
  const pet = client?.patients[0]?.name ?? 'your pet'
  const fill = (text: string) => text.replaceAll('{pet}', pet).replaceAll('{date}', 'Tue Dec 2 at 10:30am')
  const cid = `cnv_${String(index).padStart(6, '0')}`
  const drafts: Draft[] = []

  if (scenario === 'campaign') {
    const [id, name, body] = rng.pick(CAMPAIGNS)
    drafts.push({ direction: 'outbound', origin: 'campaign', body: fill(body), campaign: { id, name } })
  }
  const fromTurn = ([who, body]: Turn): Draft => ({
    direction: who.startsWith('c') ? 'inbound' : 'outbound',
    origin: who.startsWith('c') ? 'client' : 'staff',
    body: fill(body),
    quick: who.endsWith('+'),
  })
  if (scenario === 'photo') {
    const image: Attachment = {
      id: `att_${cid}_photo`,
      name: `IMG_${2000 + (index % 8000)}.jpg`,
      contentType: 'image/jpeg',
      size: rng.int(300_000, 2_400_000),
      url: `/files/att_${cid}_photo`,
      thumbnailUrl: `/files/att_${cid}_photo`,
    }
    // The thread goes as far as the photo at least: the text that promises it carries it.
    const turns = PHOTO_DIALOGUE.slice(0, rng.int(3, PHOTO_DIALOGUE.length)).map(fromTurn)
    turns[2] = { ...(turns[2] as Draft), attachments: [image] }
    drafts.push(...turns)
  } else if (scenario === 'pdf') {
    const pdf: Attachment = {
      id: `att_${cid}_invoice`,
      name: `Invoice ${40_000 + index}.pdf`,
      contentType: 'application/pdf',
      size: rng.int(40_000, 400_000),
      url: `/files/att_${cid}_invoice`,
    }
    const turns = INVOICE_DIALOGUE.slice(0, rng.int(1, INVOICE_DIALOGUE.length)).map(fromTurn)
    turns[0] = { ...(turns[0] as Draft), attachments: [pdf] }
    drafts.push(...turns)
  } else {
    // A beginning of one of the clinic's usual conversations (never cut between a text and its
    // same-minute follow-up).
    const dialogue = rng.pick(DIALOGUES)
    let n = rng.int(1, dialogue.length)
    while (n < dialogue.length && dialogue[n]?.[0].endsWith('+')) n++
    drafts.push(...dialogue.slice(0, n).map(fromTurn))
  }
  if (scenario === 'failed')
    drafts.push({
      direction: 'outbound',
      origin: 'staff',
      body: fill('Hi! Just a reminder that {pet} is due for a checkup. Reply to book.'),
      status: 'failed',
    })
  if (scenario === 'opted-out') {
    drafts.push({ direction: 'inbound', origin: 'client', body: rng.pick(['STOP', 'stop', 'Unsubscribe', 'STOP ']) })
    drafts.push({
      direction: 'outbound',
      origin: 'system',
      body: `${seed.record.clinic.name}: You have been unsubscribed and will receive no more texts. Reply START to resubscribe.`,
    })
  }
  if (scenario === 'blocked') {
    drafts.length = 0
    drafts.push({
      direction: 'inbound',
      origin: 'client',
      body: 'CONGRATS! You won a $500 gift card, claim now: http://bit.example/xyz',
    })
    drafts.push({ direction: 'inbound', origin: 'client', body: 'Final notice: claim your prize today' })
  }

  const staff = seed.team.filter((m) => hasPermission(m, 'messaging'))
  const lastAt = now.getTime() - Math.floor(rng.next() ** 2 * 30 * 24 * 60) * MINUTE - index
  // Times back from the last: replies minutes apart, a quick follow-up within the same minute.
  const times: number[] = drafts.map(() => lastAt)
  for (let i = drafts.length - 2; i >= 0; i--) {
    const gap = drafts[i + 1]?.quick ? rng.int(5, 25) * 1000 : rng.int(2, 45) * MINUTE
    times[i] = (times[i + 1] as number) - gap
  }
  const contact: ContactRecord = {
    phone,
    clientId: client?.id ?? null,
    optedOut: null,
    blocked: scenario === 'blocked',
    consent: client
      ? [
          {
            status: 'granted',
            method: 'written',
            scope: 'transactional',
            at: '2025-03-14T16:20:00.000Z',
            recordedBy: 'usr_priya',
          },
        ]
      : [],
    footerSentAt: null,
    afterHoursPeriod: null,
  }
  const messages: MessageRecord[] = drafts.map((draft, i) => {
    const createdAt = new Date(times[i] as number).toISOString()
    const status: MessageStatus =
      draft.direction === 'inbound'
        ? 'received'
        : (draft.status ?? (i === drafts.length - 1 && rng.chance(0.3) ? 'sent' : 'delivered'))
    // The footer goes on every text until one that carries it is delivered.
    const carriesFooter = draft.direction === 'outbound' && draft.origin !== 'system' && contact.footerSentAt === null
    const body = carriesFooter ? `${draft.body}\n\n${seed.record.settings.optOutFooter}` : draft.body
    if (carriesFooter && status === 'delivered') contact.footerSentAt = createdAt
    const author = draft.origin === 'staff' ? rng.pick(staff) : undefined
    return {
      id: `msg_${cid}_${i + 1}`,
      conversationId: cid,
      seq: i + 1,
      direction: draft.direction,
      origin: draft.origin,
      ...(author ? { author: { id: author.id, name: author.name } } : {}),
      ...(draft.campaign ? { campaign: draft.campaign } : {}),
      body,
      attachments: draft.attachments ?? [],
      status,
      ...(status === 'failed' ? { error: describeDeliveryError(rng.pick(['30006', '30005', '30007'])) } : {}),
      createdAt,
      updatedAt: createdAt,
      phone,
      providerMessageId: draft.direction === 'outbound' ? `SMseed${index}x${i}` : null,
      carriesFooter,
    }
  })
  if (scenario === 'opted-out') {
    const stop = messages.at(-2) as MessageRecord
    contact.optedOut = { at: stop.createdAt, via: 'keyword', keyword: stop.body.trim().toUpperCase() }
  }

  const last = messages.at(-1) as MessageRecord
  const onlyCampaign = messages.every((m) => m.origin === 'campaign')
  const open = !onlyCampaign && scenario !== 'blocked' && rng.chance(scenario === 'opted-out' ? 0.3 : 0.65)
  let trailingInbound = 0
  for (let i = messages.length - 1; i >= 0 && messages[i]?.direction === 'inbound'; i--) trailingInbound++
  const unreadCount = open && rng.chance(0.6) ? trailingInbound : 0
  seed.contacts.push(contact)
  seed.messages.push(...messages)
  for (const m of messages) {
    for (const a of m.attachments)
      seed.attachments.push({ ...a, library: false, conversationId: cid, createdAt: m.createdAt })
  }
  seed.conversations.push({
    id: cid,
    phone,
    status: open ? 'open' : 'closed',
    inboxId: rng.chance(0.45) ? rng.pick(['inb_front', 'inb_billing', 'inb_surgery']) : null,
    assigneeId: rng.chance(0.35) ? rng.pick(staff).id : null,
    unreadCount,
    markedUnread: open && unreadCount === 0 && rng.chance(0.05),
    lastMessage: {
      id: last.id,
      direction: last.direction,
      origin: last.origin,
      body: last.body,
      attachmentCount: last.attachments.length,
      status: last.status,
      createdAt: last.createdAt,
    },
    lastActivityAt: last.createdAt,
    createdAt: messages[0]?.createdAt ?? last.createdAt,
    closedAt: open ? null : last.createdAt,
    optOutRequest: null,
  })
}
