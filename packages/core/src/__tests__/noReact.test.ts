import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it, vi } from 'vitest'

vi.mock('react', () => {
  throw new Error('@switchboard/core imported React')
})

describe('core is headless', () => {
  it('loads and works with React unavailable', async () => {
    const core = await import('../index')
    const client = core.createInboxClient({ transport: {} as never, storage: core.memoryStorageAdapter() })
    client.store.getState().setFilter({ status: 'unread' })
    expect(client.store.getState().filter.status).toBe('unread')
    client.destroy()
  })

  it('has no React (or service, or mock) module in its import graph', async () => {
    const result = await build({
      entryPoints: [
        fileURLToPath(new URL('../index.ts', import.meta.url)),
        fileURLToPath(new URL('../testing.ts', import.meta.url)),
      ],
      bundle: true,
      write: false,
      metafile: true,
      outdir: 'out',
      platform: 'neutral',
      format: 'esm',
      external: [
        '@tanstack/query-core',
        'zustand',
        'zustand/*',
        'socket.io-client',
        'vitest',
        'zod',
        'zod/*',
        'libphonenumber-js',
        'libphonenumber-js/*',
      ],
      alias: { '@switchboard/protocol': fileURLToPath(new URL('../../../protocol/src/index.ts', import.meta.url)) },
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path))
    expect(inputs.length).toBeGreaterThan(20)
    expect(
      [...inputs, ...imports].filter((p) =>
        /(^|\/)react(-dom)?(\/|$)|@switchboard\/(service|mock)|packages\/(service|mock)\//.test(p),
      ),
    ).toEqual([])
  })
})
