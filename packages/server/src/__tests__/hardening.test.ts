import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { httpContractHardening } from '@switchboard/service/testing'
import { startConfigured } from './serverHarness'

/** Every file under `dir`, by path. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()

httpContractHardening('reference server', async () => {
  // Monday 10:00 in Los Angeles, as the mock's suite: the clinic is open, so no auto-replies.
  const running = await startConfigured(
    { SEED_CONVERSATIONS: '40', DATABASE_FILE: ':memory:' },
    { clock: () => new Date('2026-11-30T18:00:00Z'), simulatorDelays: { sentMs: 0, deliveredMs: 0 } },
  )
  const { started, api } = running
  const simulator = started.simulator
  if (!simulator) throw new Error('the simulator is the default provider')
  const signIn = async (userId: string) => {
    const response = await fetch(`${api}/auth/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clinicId: 'cln_maple', userId }),
    })
    return ((await response.json()) as { token: string }).token
  }
  const tokens = {
    admin: await signIn('usr_dana'),
    messaging: await signIn('usr_marcus'),
    noSms: await signIn('usr_sam'),
  }
  return {
    api,
    tokens,
    inbound: async (from, body) =>
      (await simulator.text({ from, to: '+14155550100', body, media: [] })) as { conversationId: string },
    state: async () => {
      await simulator.settled()
      const clinics = []
      for (const id of await started.storage.clinicIds()) clinics.push(await started.storage.dump(id))
      const mails = await (await fetch(`${api}/simulator/mailbox`)).json()
      return { clinics, files: filesUnder(join(running.dir, 'files')), texts: simulator.acceptedCount(), mails }
    },
    stop: () => running.stop(),
  }
})
