// Builds dist/styles.css (every part, its @imports inlined, so a plain <link> works) and
// dist/styles/<part>.css (each part alone, for hosts that take only some), minified: the widget
// lives in someone else's page, comments are for this repository.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const source = join(here, 'src/styles')
const out = join(here, 'dist')
mkdirSync(join(out, 'styles'), { recursive: true })

/** The stylesheet with each `@import "./x.css";` replaced by the file's content. */
function inlineImports(file) {
  return readFileSync(file, 'utf8').replace(/^@import "\.\/([^"]+)";$/gm, (_, path) =>
    readFileSync(join(dirname(file), path), 'utf8'),
  )
}

const minify = (css) => transformSync(css, { loader: 'css', minify: true, target: 'chrome105' }).code

writeFileSync(join(out, 'styles.css'), minify(inlineImports(join(source, 'styles.css'))))
for (const part of readdirSync(join(source, 'parts'))) {
  writeFileSync(join(out, 'styles', part), minify(readFileSync(join(source, 'parts', part), 'utf8')))
}
