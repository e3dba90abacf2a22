import type { ServerConfig, StartedServer, startFromConfig } from '@switchboard/server'

/** Where the example app lives; its build is in `dist/`. */
export declare const demoRoot: string
/** A port the system says is free. */
export declare function freePort(host?: string): Promise<number>

export interface PmsDemoOptions {
  /** The server's configuration (see its README); `PORT`, `HOST` and `PUBLIC_URL` are set here. */
  env?: Record<string, string | undefined>
  /** Where both listen: `localhost` for a person, `127.0.0.1` in tests. */
  host?: string
  /** The demo's port (taken: another free one); a free one when left out. */
  port?: number
  /** The server's port, likewise. */
  apiPort?: number
  log?: (line: string) => void
  /** No proxy errors in the log (tests stop the server on purpose). */
  quiet?: boolean
  /** Options of `startFromConfig` (a clock, the simulator's delays). */
  server?: Parameters<typeof startFromConfig>[1]
}

/** The demo in front of the reference server. */
export interface PmsDemo {
  url: string
  config: ServerConfig
  /** The server as it runs now (a restart makes a new one). */
  readonly api: StartedServer
  /** Stops the server (the demo stays up), then starts it again on the same database and port. */
  restartServer(): Promise<void>
  /** Stops the server only, until `startServer`. */
  stopServer(): Promise<void>
  startServer(): Promise<void>
  /** Stops the server, then the demo. */
  stop(): Promise<void>
}

export declare function startPmsDemo(options?: PmsDemoOptions): Promise<PmsDemo>
