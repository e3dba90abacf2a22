import { build } from 'esbuild'
for (const f of process.argv.slice(2)) {
  const out = await build({ entryPoints: [f], bundle: false, minify: true, format: 'esm', write: false, logLevel: 'error' })
  console.log(out.outputFiles[0].contents.length, f)
}
