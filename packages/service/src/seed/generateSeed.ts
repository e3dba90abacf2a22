import {
  type Attachment,
  type Client,
  type Limits,
  PERMISSIONS,
  type Settings,
  type TeamMember,
} from '@switchboard/protocol'
import type { ClinicSeed } from '../ports'
import { buildConversation } from './buildConversation'
import { createRng, type Rng } from './prng'
import { AREA_CODES, FIRST_NAMES, LAST_NAMES, PETS, TEMPLATES } from './vocabulary'

/** Options of {@link generateSeed}. */
export interface SeedOptions {
  /** The PRNG seed: the same seed gives the same data. Default 1. */
  seed?: number
  /** Conversations of the main clinic, up to 100,000. Default 60. */
  conversations?: number
  /** The "now" the data is built around (last activity falls in the 30 days before). */
  now?: Date
}

/** The generated data: a main veterinary clinic and a small second clinic (for isolation). */
export interface SeedData {
  clinics: ClinicSeed[]
  /** The main clinic's id. */
  clinicId: string
}

export const DEFAULT_LIMITS: Limits = {
  maxAttachmentBytes: 5_000_000,
  maxMessageBytes: 5_000_000,
  maxAttachments: 10,
  allowedContentTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf'],
  maxBodyLength: 1600,
}

const WEEKDAY_HOURS = [{ open: '08:00', close: '18:00' }]

/** The seed's settings of a clinic: open 8–6 weekdays and Saturday morning, closed on the holidays. */
export function defaultSettings(clinicName: string, phone: string, timezone = 'America/Los_Angeles'): Settings {
  return {
    autoReply: {
      enabled: true,
      text: `Thanks for texting ${clinicName}! We're closed right now and will reply when we open. For emergencies call the 24h ER at (415) 555-0199.`,
    },
    afterHoursAlert: { enabled: true, recipients: ['frontdesk@maplegrove.example'] },
    businessHours: {
      timezone,
      weekly: [
        [],
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        [{ open: '09:00', close: '13:00' }],
      ],
      holidays: [
        { date: '2026-11-26', name: 'Thanksgiving' },
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-01-01', name: 'New Year’s Day' },
      ],
    },
    optOutFooter: 'Reply STOP to opt out.',
    helpText: `Call us at ${phone}. Reply STOP to opt out. Msg & data rates may apply.`,
  }
}

const ALL: TeamMember['permissions'] = [...PERMISSIONS]

/** The main clinic's team: one of each role, including one without SMS access. */
export const SEED_TEAM: TeamMember[] = [
  { id: 'usr_dana', name: 'Dana Whitfield', role: 'Practice manager', permissions: ALL },
  {
    id: 'usr_priya',
    name: 'Priya Natarajan',
    role: 'Receptionist',
    permissions: ['messaging', 'messaging.block', 'clients.edit'],
  },
  { id: 'usr_elena', name: 'Dr. Elena Ruiz', role: 'Veterinarian', permissions: ['messaging', 'messaging.delete'] },
  { id: 'usr_marcus', name: 'Marcus Bell', role: 'Veterinary technician', permissions: ['messaging'] },
  { id: 'usr_tom', name: 'Tom Okafor', role: 'Billing', permissions: ['messaging'] },
  { id: 'usr_sam', name: 'Sam Lee', role: 'Kennel assistant', permissions: [] },
]

/** The n-th distinct valid US number of the seed (never an N11 or 555 exchange). */
export function seedPhone(n: number): string {
  const area = AREA_CODES[n % AREA_CODES.length] as number
  // A bijection on [0, 7,000,000) (1,234,567 is coprime to it): numbers look varied, never repeat.
  const k = (n * 1_234_567 + 4321) % 7_000_000
  let exchange = 201 + (k % 700)
  // N11 and 555 exchanges are not assignable: map them to 901–908, which the range above never gives.
  if (exchange % 100 === 11) exchange = 900 + Math.floor(exchange / 100) - 1
  if (exchange === 555) exchange = 908
  const line = Math.floor(k / 700)
  return `+1${area}${exchange}${String(line).padStart(4, '0')}`
}

function makeClient(rng: Rng, index: number, phone: string): Client {
  // Distinct pets: a household does not have two cats of one name.
  const chosen = new Set<(typeof PETS)[number]>()
  for (let n = rng.int(1, 3); chosen.size < n; ) chosen.add(rng.pick(PETS))
  const pets = [...chosen].map(([name, species], i) => ({ id: `pat_${index}_${i}`, name, species }))
  const firstName = rng.pick(FIRST_NAMES)
  const lastName = rng.pick(LAST_NAMES)
  return {
    id: `cli_${String(index).padStart(6, '0')}`,
    firstName,
    lastName,
    phones: [phone],
    email: rng.chance(0.7)
      ? `${firstName
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}${index}@mail.example`
      : null,
    balance: { amountMinor: rng.chance(0.3) ? rng.int(1, 90_000) : 0, currency: 'USD' },
    patients: pets,
  }
}

const LIBRARY: Attachment[] = [
  {
    id: 'att_lib_intake',
    name: 'New client intake form.pdf',
    contentType: 'application/pdf',
    size: 182_344,
    url: '/files/att_lib_intake',
  },
  {
    id: 'att_lib_dental',
    name: 'Dental aftercare.pdf',
    contentType: 'application/pdf',
    size: 96_120,
    url: '/files/att_lib_dental',
  },
  {
    id: 'att_lib_map',
    name: 'Parking map.png',
    contentType: 'image/png',
    size: 240_511,
    url: '/files/att_lib_map',
    thumbnailUrl: '/files/att_lib_map',
  },
]

function mainClinic(rng: Rng, count: number, now: Date): ClinicSeed {
  const id = 'cln_maple'
  const name = 'Maple Grove Veterinary'
  const settings = defaultSettings(name, '(415) 555-0100')
  const seed: ClinicSeed = {
    record: {
      clinic: {
        id,
        name,
        smsNumber: '+14155550100',
        timezone: settings.businessHours.timezone,
        country: 'US',
        mode: 'two-way',
      },
      settings,
      limits: DEFAULT_LIMITS,
    },
    team: SEED_TEAM,
    inboxes: [
      { id: 'inb_front', name: 'Front desk' },
      { id: 'inb_billing', name: 'Billing' },
      { id: 'inb_surgery', name: 'Surgery' },
    ],
    templates: TEMPLATES.map(([tid, tname, category, body]) => ({ id: tid, name: tname, category, body })),
    contacts: [],
    clients: [],
    conversations: [],
    messages: [],
    attachments: LIBRARY.map((a) => ({
      ...a,
      library: true,
      conversationId: null,
      createdAt: '2026-01-05T17:00:00.000Z',
    })),
  }
  // Clients who have no conversation yet, to start one with.
  const idle = Math.max(10, Math.round(count * 0.2))
  for (let i = 0; i < count + idle; i++) {
    const phone = seedPhone(i)
    const isLead = i < count && rng.chance(0.22)
    const client = isLead ? null : makeClient(rng, i, phone)
    if (client) seed.clients.push(client)
    if (i < count) buildConversation(rng, seed, { index: i, phone, client, now })
  }
  return seed
}

function secondClinic(): ClinicSeed {
  const settings = {
    ...defaultSettings('Harbour Dental', '(604) 555-0100', 'America/Vancouver'),
    optOutFooter: 'Text STOP to opt out.',
  }
  return {
    record: {
      clinic: {
        id: 'cln_harbour',
        name: 'Harbour Dental',
        smsNumber: '+16045550100',
        timezone: settings.businessHours.timezone,
        country: 'CA',
        mode: 'one-way',
      },
      settings,
      limits: DEFAULT_LIMITS,
    },
    team: [{ id: 'usr_harbour_admin', name: 'Grace Lam', role: 'Office manager', permissions: ALL }],
    inboxes: [],
    templates: [],
    contacts: [],
    clients: [],
    conversations: [],
    messages: [],
    attachments: [],
  }
}

/**
 * Makes deterministic demo data: a veterinary clinic with staff of different roles, inboxes,
 * clients with pets and balances, leads, and conversations with realistic texts — emoji, long
 * messages, photos, PDFs, campaign reminders, failed deliveries, opted-out and blocked numbers.
 *
 * @example
 * const { clinics } = generateSeed({ seed: 7, conversations: 10_000 })
 */
export function generateSeed(options: SeedOptions = {}): SeedData {
  const count = options.conversations ?? 60
  if (!Number.isInteger(count) || count < 0 || count > 100_000) {
    throw new RangeError('conversations must be a whole number from 0 to 100,000')
  }
  const rng = createRng(options.seed ?? 1)
  const now = options.now ?? new Date('2026-11-27T17:30:00.000Z')
  return { clinics: [mainClinic(rng, count, now), secondClinic()], clinicId: 'cln_maple' }
}
