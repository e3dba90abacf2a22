// `npm start -w @switchboard/server`: the reference server from environment variables.
import { ConfigError, loadConfig } from './config'
import { startFromConfig } from './startFromConfig'

async function main(): Promise<void> {
  const config = loadConfig()
  const started = await startFromConfig(config)
  console.log(`Switchboard server on ${started.url}${config.basePath} (data: ${started.database})`)
  if (config.devSignIn) {
    console.log(`Development sign-in is on: POST ${config.basePath}/auth/dev-sign-in as any seeded staff member.`)
  }
  const stop = async (signal: string) => {
    console.log(`${signal}: answering the requests in flight, then stopping.`)
    await started.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
