import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const page = `import { createRoot } from 'react-dom/client'; import { createElement } from 'react'; import { Inbox, InboxProvider } from '@switchboard/react'; import { createInboxClient, createHttpTransport } from '@switchboard/core'; const client = createInboxClient({ transport: createHttpTransport({ baseUrl: '/api', getToken: () => 'x' }) }); createRoot(document.body).render(createElement(InboxProvider, { client }, createElement(Inbox)))`
async function size(external) {
  const out = await build({
    stdin: { contents: page, resolveDir: '/work/main', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    splitting: true,
    outdir: 'out',
    metafile: true,
    logLevel: 'error',
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const outputs = out.metafile.outputs
  const entry = Object.keys(outputs).find((p) => p.endsWith('stdin.js'))
  const loaded = new Set()
  const visit = (p) => {
    if (loaded.has(p)) return
    loaded.add(p)
    for (const i of outputs[p]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path)
  }
  visit(entry)
  const byPath = new Map(out.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('out/')), f.contents]))
  return gzipSync(Buffer.concat([...loaded].map((p) => byPath.get(p)))).length / 1024
}
const all = await size([])
console.log('all', all.toFixed(1))
for (const ext of [
  ['react-dom', 'react-dom/client', 'scheduler'],
  ['libphonenumber-js', 'libphonenumber-js/min'],
  ['zod', 'zod/mini'],
  ['@tanstack/query-core', '@tanstack/react-query'],
  ['@tanstack/virtual-core', '@tanstack/react-virtual'],
  ['radix-ui'],
  ['lucide-react'],
  ['@switchboard/protocol'],
  ['@switchboard/core'],
  ['@switchboard/react'],
])
  console.log(ext.join(',').padEnd(50), (all - (await size(ext))).toFixed(1))
