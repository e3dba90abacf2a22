import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const stylesDir = join(dirname(fileURLToPath(import.meta.url)), '../styles')
const sheet = readFileSync(join(stylesDir, 'styles.css'), 'utf8').replace(/^@import "\.\/([^"]+)";$/gm, (_, path) =>
  readFileSync(join(stylesDir, path), 'utf8'),
)

interface Rule {
  selector: string
  body: string
  /** The at-rules around it, outermost first. */
  context: string[]
}

/** Every style rule of a stylesheet with the at-rules it sits in (enough of CSS for these checks). */
function rules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const out: Rule[] = []
  const stack: Array<{ prelude: string; start: number }> = []
  let mark = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '{') {
      stack.push({ prelude: text.slice(mark, i).trim(), start: i + 1 })
      mark = i + 1
    } else if (c === '}') {
      const open = stack.pop()
      if (open && !open.prelude.startsWith('@')) {
        const context = stack.map((s) => s.prelude)
        if (!context.some((p) => p.startsWith('@keyframes'))) {
          out.push({ selector: open.prelude, body: text.slice(open.start, i), context })
        }
      }
      mark = i + 1
    } else if (c === ';') {
      mark = i + 1
    }
  }
  return out
}

/** Splits at commas outside parentheses. */
function topLevel(list: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++
    else if (list[i] === ')') depth--
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(list.slice(start).trim())
  return parts
}

const all = rules(sheet)

describe('styles.css for a widget inside someone else’s page', () => {
  it('has rules to check', () => {
    expect(all.length).toBeGreaterThan(150)
  })

  it('scopes every selector under the Switchboard root, inside :where() (nothing applies outside it or unstyled)', () => {
    const leaks: string[] = []
    for (const { selector } of all) {
      for (const one of topLevel(selector)) {
        const match = /^:where\((.*)\)(::?[a-z-]+)?$/s.exec(one)
        const scoped =
          match && topLevel(match[1] as string).every((s) => /^\.sb-root(\b|[.[\s:])|^\.sb-badge--standalone\b/.test(s))
        if (!scoped) leaks.push(one)
      }
    }
    expect(leaks).toEqual([])
  })

  it('puts every rule in a switchboard cascade layer, so a host’s own rules win', () => {
    const outside = all.filter((r) => !r.context.some((c) => /^@layer switchboard\.[a-z]+$/.test(c)))
    expect(outside.map((r) => r.selector)).toEqual([])
  })

  it('lays out by the widget’s own width: no viewport width queries, container queries instead', () => {
    expect(sheet).not.toMatch(/@media[^{]*(min|max)-width/)
    expect(sheet).toMatch(/@container sb-inbox \(max-width/)
  })

  it('gives each class its look in one part: no part restyles another part’s element by reusing its name', () => {
    // A rule's own element is the last class of a simple `.sb-root .sb-x` selector.
    const owners = new Map<string, Set<string>>()
    for (const rule of all) {
      const layer = rule.context.find((c) => c.startsWith('@layer')) ?? ''
      for (const selector of topLevel(rule.selector)) {
        const own = /^:where\(\.sb-root \.(sb-[\w-]+)\)$/.exec(selector)?.[1]
        if (own) owners.set(own, new Set([...(owners.get(own) ?? []), layer]))
      }
    }
    const shared = [...owners]
      .filter(([, layers]) => layers.size > 1)
      .map(([name, layers]) => `${name}: ${[...layers].join(', ')}`)
    expect(shared).toEqual([])
  })

  it('uses no :has(): a clinic’s browser may predate it (Firefox before 121), and it is dear to match per row', () => {
    expect(all.filter((r) => r.selector.includes(':has(')).map((r) => r.selector)).toEqual([])
  })

  it('takes stacking, shadows and radii from tokens, and never needs !important', () => {
    const literal = all.filter(
      (r) =>
        /z-index:\s*\d/.test(r.body) ||
        (/box-shadow:\s*\d/.test(r.body) && !r.selector.includes('sb-badge')) ||
        /border-radius:\s*\d/.test(r.body),
    )
    expect(literal.map((r) => r.selector)).toEqual([])
    expect(sheet).not.toContain('!important')
  })
})
