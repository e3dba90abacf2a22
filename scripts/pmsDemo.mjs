// The example PMS app in front of the reference server: what `npm start` runs and what the
// end-to-end tests start (on free ports, on a database of their own).
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { loadConfig, startFromConfig } from '@switchboard/server'
import { preview } from 'vite'

/** Where the example app lives; its build is in `dist/` (`npm run build` makes it). */
export const demoRoot = fileURLToPath(new URL('../examples/pms-demo', import.meta.url))

/** Whether a port is free on a host: listens on it for a moment. */
const isFree = (port, host) =>
  new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, host, () => probe.close(() => resolve(true)))
  })

/** A port the system says is free. */
export const freePort = (host = '127.0.0.1') =>
  new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, host, () => {
        const { port } = probe.address()
        probe.close(() => resolve(port))
      })
  })

/** The preferred port when it is free, else any free one (said in the log). */
async function portFor(preferred, host, what, log) {
  if (preferred === undefined) return freePort(host)
  if (await isFree(preferred, host)) return preferred
  const other = await freePort(host)
  log(`Port ${preferred} is taken: ${what} uses ${other} instead.`)
  return other
}

/**
 * Starts the reference server on SQLite and serves the built demo in front of it on one address:
 * the demo's files, and `/api/sms` and `/socket.io` passed on to the server (links to files are
 * made with that address, `PUBLIC_URL`). Returns the address and `stop()`.
 *
 * @param {object} [options]
 * @param {Record<string, string | undefined>} [options.env] the server's configuration (see its README)
 * @param {string} [options.host] where both listen: `localhost` for a person, `127.0.0.1` in tests
 * @param {number} [options.port] the demo's port (taken: another free one); a free one when left out
 * @param {number} [options.apiPort] the server's port, likewise
 * @param {(line: string) => void} [options.log]
 * @param {boolean} [options.quiet] no proxy errors in the log (tests stop the server on purpose)
 * @param {Parameters<typeof startFromConfig>[1]} [options.server] options of `startFromConfig` (a clock, the simulator's delays)
 */
export async function startPmsDemo(options = {}) {
  const { env = process.env, host = '127.0.0.1', log = console.log, quiet = false } = options
  const demoPort = await portFor(options.port, host, 'the demo', log)
  const apiPort = await portFor(options.apiPort, '127.0.0.1', 'the server', log)
  const url = `http://${host}:${demoPort}`
  const config = loadConfig({ ...env, PORT: String(apiPort), HOST: '127.0.0.1', PUBLIC_URL: url })
  const serverOptions = { log, ...options.server }
  let api = await startFromConfig(config, serverOptions)
  let running = true
  const target = `http://127.0.0.1:${apiPort}`
  let web
  try {
    web = await preview({
      root: demoRoot,
      configFile: false,
      // Quiet in tests: a server stopped on purpose makes the proxy report its sockets reset.
      logLevel: quiet ? 'silent' : 'warn',
      preview: {
        host,
        port: demoPort,
        strictPort: true,
        proxy: {
          [config.basePath]: { target },
          '/socket.io': { target, ws: true },
        },
      },
    })
  } catch (error) {
    await api.stop()
    throw error
  }
  return {
    url,
    config,
    /** The server as it runs now (a restart makes a new one). */
    get api() {
      return api
    },
    /** Stops the server as a deploy would (the demo stays up), then starts it again on the same database and port. */
    async restartServer() {
      await this.stopServer()
      await this.startServer()
    },
    /** Stops the server only (until `startServer`), as a deploy leaves browsers without it for a while. */
    async stopServer() {
      if (!running) return
      running = false
      await api.stop()
    },
    async startServer() {
      if (running) return
      api = await startFromConfig(config, serverOptions)
      running = true
    },
    /** Stops the server first (its sockets close, and with them the ones passed on), then the demo. */
    async stop() {
      if (running) await api.stop()
      running = false
      web.httpServer.closeAllConnections?.()
      await web.close()
    },
  }
}
