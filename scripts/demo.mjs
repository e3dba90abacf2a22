// A terminal walkthrough of the inbox service over the seeded in-memory clinic.
// (The browser demo — the example PMS app — arrives with the React components.)
import { createInboxService, createMemoryMailer, createMemoryStorage, generateSeed } from '@switchboard/service'

const seed = generateSeed({ seed: 1, conversations: 200 })
const mailer = createMemoryMailer()
let now = new Date('2026-11-30T17:00:00Z') // a Monday, 9am in Los Angeles
const service = createInboxService({
  storage: createMemoryStorage({ clinics: seed.clinics }),
  mailer,
  clock: () => now,
})
const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: seed.clinics[0].team[0].permissions }
const name = (c) => (c.client ? `${c.client.firstName} ${c.client.lastName}` : `${c.contact.phone} (lead)`)
const line = (c) =>
  `  ${c.unreadCount || c.markedUnread ? '●' : ' '} ${name(c).padEnd(28)} ${c.lastMessage?.body.replace(/\s+/g, ' ').slice(0, 50) ?? ''}`

console.log(`\n${seed.clinics[0].record.clinic.name} — SMS inbox (${seed.clinics[0].record.clinic.smsNumber})\n`)
const unread = await service.listConversations(dana, { status: 'unread', limit: 8 })
console.log('Open & unread:')
for (const c of unread.items) console.log(line(c))
console.log('\nUnread totals:', await service.unreadTotals(dana))

console.log('\nA new client texts in…')
await service.receiveInbound({
  to: '+14155550100',
  from: '(415) 201-4242',
  body: 'Hi! Is Biscuit ready for pick-up? 🐶',
})
const top = (await service.listConversations(dana, { limit: 1 })).items[0]
console.log(line(top))

console.log('\nDana replies:')
const reply = await service.sendMessage(dana, top.id, { clientMessageId: 'demo-1', body: 'Yes, any time before 6pm!' })
console.log(`  → ${JSON.stringify(reply.body)} [${reply.status}]`)

console.log('\nThey reply STOP, and the next send is refused:')
await service.receiveInbound({ to: '+14155550100', from: '+14152014242', body: ' stop ' })
try {
  await service.sendMessage(dana, top.id, { clientMessageId: 'demo-2', body: 'One more thing…' })
} catch (error) {
  console.log(`  ✗ ${error.code}: ${error.message}`)
}

now = new Date('2026-12-01T06:30:00Z') // 10:30pm in Los Angeles: closed
console.log('\nAfter hours, a lead texts:')
await service.receiveInbound({ to: '+14155550100', from: '+15105550123', body: 'Do you see exotic birds?' })
const thread = await service.listMessages(dana, (await service.listConversations(dana, { limit: 1 })).items[0].id)
for (const m of thread.items) console.log(`  ${m.direction === 'inbound' ? '←' : '→'} [${m.origin}] ${m.body}`)
console.log(`  ✉ ${mailer.sent.length} alert e-mail to ${mailer.sent[0]?.to.join(', ')}: "${mailer.sent[0]?.subject}"`)
console.log('')
