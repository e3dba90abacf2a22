import { httpContractHardening } from '@switchboard/service/testing'
import { BASE, MARCUS, SAM, useMockBackend } from './harness'

const mock = useMockBackend()

httpContractHardening('mock backend', async () => {
  const backend = mock.backend
  return {
    api: BASE,
    tokens: { admin: 'tok_usr_dana', messaging: MARCUS, noSms: SAM },
    inbound: (phone, body) => backend.simulateInbound(phone, body),
    state: async () => ({
      clinics: backend.storage.clinicIds().map((id) => backend.storage.dump(id)),
      files: backend.files.size(),
      texts: backend.gateway.sent.length,
      mails: backend.mailer.sent.length,
    }),
  }
})
