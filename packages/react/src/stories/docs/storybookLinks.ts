/** The docs pages (docs/*.md) and their Storybook ids, from their titles under "Docs/". */
const PAGES: Record<string, string> = {
  'getting-started.md': 'docs-getting-started--docs',
  'embedding.md': 'docs-embedding--docs',
  'theming.md': 'docs-theming--docs',
  'transport.md': 'docs-writing-a-transport--docs',
  'server.md': 'docs-running-the-server--docs',
}

/**
 * A docs page's Markdown for Storybook: links to the other docs pages go to their Storybook
 * page, links to files of the repository (which Storybook does not serve) become their text;
 * web links and anchors stay as they are.
 *
 * @example
 * storybookLinks('See [Theming](theming.md).') // 'See [Theming](?path=/docs/docs-theming--docs).'
 */
export function storybookLinks(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (link, label: string, href: string) => {
    if (/^(https?:|mailto:|#)/.test(href)) return link
    const id = PAGES[href.split('#')[0] ?? '']
    return id ? `[${label}](?path=/docs/${id})` : label
  })
}
