import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const contents =
  process.argv[2] ??
  `import { createRoot } from 'react-dom/client'; import { createElement } from 'react'; import { Inbox, InboxProvider } from '@switchboard/react'; import { createInboxClient, createHttpTransport } from '@switchboard/core'; const client = createInboxClient({ transport: createHttpTransport({ baseUrl: '/api', getToken: () => 'x' }) }); createRoot(document.body).render(createElement(InboxProvider, { client }, createElement(Inbox)))`
const out = await build({
  stdin: { contents, resolveDir: '/work/main', loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  platform: 'browser',
  splitting: true,
  outdir: 'out',
  metafile: true,
  logLevel: 'error',
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
const total = gzipSync(Buffer.concat([...loaded].map((p) => byPath.get(p)))).length
console.log(
  'on load gzip',
  (total / 1024).toFixed(1),
  'kB; chunks',
  loaded.size,
  'lazy',
  Object.keys(outputs).length - loaded.size,
)
const byPkg = {}
for (const p of loaded)
  for (const [file, info] of Object.entries(outputs[p].inputs)) {
    const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
    const key = m ? m[1] : file.replace(/^packages\/([^/]+)\/.*/, '@switchboard/$1')
    byPkg[key] = (byPkg[key] ?? 0) + info.bytesInOutput
  }
for (const [k, v] of Object.entries(byPkg)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30))
  console.log(k.padEnd(40), (v / 1024).toFixed(1), 'kB min')
if (process.env.FILES) {
  const byFile = {}
  for (const p of loaded)
    for (const [file, info] of Object.entries(outputs[p].inputs))
      if (file.includes(process.env.FILES)) byFile[file] = info.bytesInOutput
  for (const [k, v] of Object.entries(byFile)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40))
    console.log(k.padEnd(90), (v / 1024).toFixed(1))
}
