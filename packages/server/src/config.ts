/** The server's settings, read from environment variables. */
export interface ServerConfig {
  /** `PORT` (default 8787; 0 picks a free one). */
  port: number
  /** `HOST` (default 127.0.0.1; 0.0.0.0 to listen on every interface). */
  host: string
  /** `DATABASE_FILE`: the SQLite file (default `data/switchboard.db`), created with its folder. */
  databaseFile: string
  /**
   * `DATABASE_URL`: a PostgreSQL database (`postgres://user:password@host:5432/name`) instead of
   * the SQLite file, for several server instances on one database (default none: SQLite).
   */
  databaseUrl: string | null
  /** `DATABASE_POOL_SIZE`: connections each instance keeps to PostgreSQL (default 10). */
  databasePoolSize: number
  /**
   * `REDIS_URL`: Redis (`redis://host:6379`), through which several instances share realtime
   * events and presence (default none: one instance).
   */
  redisUrl: string | null
  /** `TOKEN_SECRET`: signs staff tokens, at least 32 characters (required in production). */
  tokenSecret: string
  /** `TOKEN_TTL_SECONDS` (default 28,800: a shift). */
  tokenTtlSeconds: number
  /** `SIMULATOR_ENDPOINTS`: let anyone text the clinic as any number through the phone simulator (default on outside production). */
  simulatorEndpoints: boolean
  /** `DEV_SIGN_IN`: sign in as any seeded staff member without a password (default on outside production). */
  devSignIn: boolean
  /** `CORS_ORIGINS`: comma-separated origins allowed to call from a browser (default none). */
  corsOrigins: string[]
  /** `SENDS_PER_MINUTE`: texts one staff user may send in a minute (default 60). */
  sendsPerMinute: number
  /** `BASE_PATH` of the HTTP contract (default `/api/sms`). */
  basePath: string
  /** `SEED_CONVERSATIONS`: conversations of the demo clinic seeded into an empty database (default 60; 0 seeds nothing). */
  seedConversations: number
  /** `SMTP_URL`: where after-hours alerts are sent, e.g. `smtps://user:pass@smtp.example:465` (default: a development mailbox the simulator shows). */
  smtpUrl: string | null
  /** `MAIL_FROM`: the alerts' sender (default `Switchboard <no-reply@localhost>`). */
  mailFrom: string
  /** `OUTBOX_SWEEP_SECONDS`: how often the outbox is looked at for texts a stopped server left (default 30). */
  outboxSweepSeconds: number
  /**
   * `HANDOFF_TIMEOUT_SECONDS`: how long a text may stay `sending` without the provider's answer
   * before it is taken as cut off by a server that stopped (default 120; longer than any provider call).
   */
  handOffTimeoutSeconds: number
  /** `EVENT_RETENTION`: events kept per clinic for catch-up (default 5,000). */
  eventRetention: number
  /** `FILES_DIR`: where uploaded files are kept (default `data/files`). */
  filesDir: string
  /** `FILE_URL_SECRET`: signs file links (default: derived from `TOKEN_SECRET`). */
  fileUrlSecret: string
  /** `PUBLIC_URL`: the server's address as browsers reach it, e.g. behind a proxy (default: where it listens). */
  publicUrl: string | null
  /** `SMS_PROVIDER`: `simulator` (default, an in-process phone network) or `twilio`. */
  smsProvider: 'simulator' | 'twilio'
  /**
   * `TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN` and optionally `TWILIO_API_URL` (another address for
   * Twilio's REST API, such as a test double); required with `SMS_PROVIDER=twilio`, which also
   * needs `PUBLIC_URL` (Twilio calls the webhooks there).
   */
  twilio: { accountSid: string; authToken: string; apiUrl?: string } | null
  production: boolean
}

/** What is wrong with the environment, one line per variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(`The server's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

const DEV_SECRET = 'switchboard-development-secret-not-for-production'

/** Whether `value` is an absolute http(s) address. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * Reads and checks the configuration. Every problem is reported at once, naming the variable,
 * what it must be and what it was, so a wrong deployment fails at start with a clear message.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const problems: string[] = []
  const production = env.NODE_ENV === 'production'
  const text = (name: string, fallback: string) => env[name]?.trim() || fallback
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim()
    if (!raw) return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`)
      return fallback
    }
    return value
  }
  const flag = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim().toLowerCase()
    if (!raw) return fallback
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true
    if (['0', 'false', 'no', 'off'].includes(raw)) return false
    problems.push(`${name} must be true or false (got "${env[name]}").`)
    return fallback
  }

  const tokenSecret = env.TOKEN_SECRET ?? (production ? '' : DEV_SECRET)
  if (tokenSecret.length < 32) {
    problems.push(
      production && !env.TOKEN_SECRET
        ? 'TOKEN_SECRET is required in production (at least 32 random characters, e.g. from `openssl rand -hex 32`).'
        : 'TOKEN_SECRET must be at least 32 characters long.',
    )
  }
  const devSignIn = flag('DEV_SIGN_IN', !production)
  if (production && devSignIn)
    problems.push('DEV_SIGN_IN must not be on in production: it signs anyone in without a password.')
  const corsOrigins = text('CORS_ORIGINS', '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  for (const origin of corsOrigins) {
    let valid = false
    try {
      const url = new URL(origin)
      valid = (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin
    } catch {
      valid = false
    }
    if (!valid) problems.push(`CORS_ORIGINS must list origins like https://pms.example (got "${origin}").`)
  }
  const basePath = text('BASE_PATH', '/api/sms')
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(basePath)) {
    problems.push(`BASE_PATH must be a path like /api/sms (got "${basePath}").`)
  }
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/$/, '') || null
  if (publicUrl && !isHttpUrl(publicUrl)) {
    problems.push(`PUBLIC_URL must be an http(s) address like https://pms.example (got "${publicUrl}").`)
  }
  const fileUrlSecret = env.FILE_URL_SECRET ?? `${tokenSecret}:file-urls`
  if (env.FILE_URL_SECRET !== undefined && fileUrlSecret.length < 32) {
    problems.push('FILE_URL_SECRET must be at least 32 characters long.')
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a PostgreSQL connection string (postgres://user:password@host:5432/name).')
  }
  const redisUrl = env.REDIS_URL?.trim() || null
  if (redisUrl !== null && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push('REDIS_URL must be a Redis address (redis://host:6379, or rediss:// with TLS).')
  }
  const smtpUrl = env.SMTP_URL?.trim() || null
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    problems.push('SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465.')
  }
  const smsProvider = text('SMS_PROVIDER', 'simulator').toLowerCase()
  if (smsProvider !== 'simulator' && smsProvider !== 'twilio') {
    problems.push(`SMS_PROVIDER must be simulator or twilio (got "${env.SMS_PROVIDER}").`)
  }
  let twilio: ServerConfig['twilio'] = null
  if (smsProvider === 'twilio') {
    const accountSid = text('TWILIO_ACCOUNT_SID', '')
    const authToken = text('TWILIO_AUTH_TOKEN', '')
    const apiUrl = env.TWILIO_API_URL?.trim().replace(/\/$/, '') || undefined
    if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid))
      problems.push(`TWILIO_ACCOUNT_SID must be the account's SID, AC and 32 hexadecimal digits (got "${accountSid}").`)
    if (authToken.length < 16) problems.push("TWILIO_AUTH_TOKEN must be the account's auth token (32 characters).")
    if (apiUrl && !isHttpUrl(apiUrl)) problems.push(`TWILIO_API_URL must be an http(s) address (got "${apiUrl}").`)
    if (!publicUrl) {
      problems.push('PUBLIC_URL is required with SMS_PROVIDER=twilio: Twilio calls the webhooks at that address.')
    }
    twilio = { accountSid, authToken, ...(apiUrl ? { apiUrl } : {}) }
  }
  const config: ServerConfig = {
    port: integer('PORT', 8787, 0, 65535),
    host: text('HOST', '127.0.0.1'),
    databaseFile: text('DATABASE_FILE', 'data/switchboard.db'),
    databaseUrl,
    databasePoolSize: integer('DATABASE_POOL_SIZE', 10, 1, 1000),
    redisUrl,
    tokenSecret,
    tokenTtlSeconds: integer('TOKEN_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    devSignIn,
    simulatorEndpoints: flag('SIMULATOR_ENDPOINTS', !production),
    corsOrigins,
    sendsPerMinute: integer('SENDS_PER_MINUTE', 60, 1, 100_000),
    basePath,
    seedConversations: integer('SEED_CONVERSATIONS', 60, 0, 100_000),
    eventRetention: integer('EVENT_RETENTION', 5000, 100, 10_000_000),
    outboxSweepSeconds: integer('OUTBOX_SWEEP_SECONDS', 30, 1, 86_400),
    handOffTimeoutSeconds: integer('HANDOFF_TIMEOUT_SECONDS', 120, 1, 86_400),
    filesDir: text('FILES_DIR', 'data/files'),
    smtpUrl,
    mailFrom: text('MAIL_FROM', 'Switchboard <no-reply@localhost>'),
    fileUrlSecret,
    publicUrl,
    smsProvider: smsProvider === 'twilio' ? 'twilio' : 'simulator',
    twilio,
    production,
  }
  if (problems.length) throw new ConfigError(problems)
  return config
}
