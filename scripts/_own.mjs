import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const [contents, ext] = [process.argv[2], (process.argv[3] ?? '').split(',').filter(Boolean)]
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
  external: ext,
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
console.log('on load gzip', (gzipSync(Buffer.concat([...loaded].map((p) => byPath.get(p)))).length / 1024).toFixed(2))
const byFile = {}
for (const p of loaded) for (const [file, info] of Object.entries(outputs[p].inputs)) byFile[file] = info.bytesInOutput
for (const [k, v] of Object.entries(byFile)
  .sort((a, b) => b[1] - a[1])
  .slice(0, +(process.env.TOP ?? 30)))
  console.log(k.padEnd(80), (v / 1024).toFixed(1))
