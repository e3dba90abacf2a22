import { describe, expect, it } from 'vitest'
import { storybookLinks } from '../stories/docs/storybookLinks'

describe('storybookLinks', () => {
  it('sends links between docs pages to their Storybook pages and keeps web links', () => {
    expect(storybookLinks('See [Theming](theming.md) and [tokens](embedding.md#tokens).')).toBe(
      'See [Theming](?path=/docs/docs-theming--docs) and [tokens](?path=/docs/docs-embedding--docs).',
    )
    expect(storybookLinks('[site](https://example.com/a.md) [top](#top)')).toBe(
      '[site](https://example.com/a.md) [top](#top)',
    )
  })

  it('turns links to repository files, which Storybook does not serve, into their text', () => {
    expect(storybookLinks('the [server’s README](../packages/server/README.md#configuration).')).toBe(
      'the server’s README.',
    )
  })
})
