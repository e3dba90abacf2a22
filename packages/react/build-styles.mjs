// Builds dist/styles.css (every part, its @imports inlined, so a plain <link> works) and
// dist/styles/<part>.css (each part alone, for hosts that take only some).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const source = join(here, 'src/styles')
const out = join(here, 'dist')
mkdirSync(join(out, 'styles'), { recursive: true })

/** The stylesheet with each `@import "./x.css";` replaced by the file's content. */
export function inlineImports(file) {
  return readFileSync(file, 'utf8').replace(/^@import "\.\/([^"]+)";$/gm, (_, path) => {
    const text = readFileSync(join(dirname(file), path), 'utf8')
    return `/* ${path} */\n${text}`
  })
}

writeFileSync(join(out, 'styles.css'), inlineImports(join(source, 'styles.css')))
for (const part of readdirSync(join(source, 'parts'))) {
  copyFileSync(join(source, 'parts', part), join(out, 'styles', part))
}
