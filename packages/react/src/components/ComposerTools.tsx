'use client'
import type { Attachment, Template } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { DropdownMenu, Popover } from 'radix-ui'
import { useId, useRef } from 'react'
import { useInboxClient, useStrings } from '../context'
import { EmojiPicker } from './EmojiPicker'
import { IconButton } from './IconButton'
import { usePortalContainer } from './portal'

/** The composer's built-in tools: emoji, attach (upload or library), templates. */
export function ComposerTools(props: {
  onEmoji: (emoji: string) => void
  onFiles: (files: File[]) => void
  onLibrary: (attachment: Attachment) => void
  onTemplate: (template: Template) => void
  accept: string
}) {
  const t = useStrings()
  const client = useInboxClient()
  const container = usePortalContainer()
  const fileInput = useRef<HTMLInputElement>(null)
  const id = useId()
  const templates = useQuery(client.queries.templates(), client.queryClient)
  const library = useQuery(client.queries.library(), client.queryClient)
  return (
    <div className="sb-composer__tools-builtin">
      <Popover.Root>
        <Popover.Trigger asChild>
          <IconButton className="sb-tool" icon="emoji" label={t.emoji} />
        </Popover.Trigger>
        <Popover.Portal container={container}>
          <Popover.Content className="sb-popover" side="top" align="start" sideOffset={6} aria-label={t.emoji}>
            <EmojiPicker onSelect={props.onEmoji} />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>

      <input
        ref={fileInput}
        id={`${id}-file`}
        type="file"
        hidden
        accept={props.accept}
        multiple
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          props.onFiles([...(e.target.files ?? [])])
          e.target.value = ''
        }}
      />
      <IconButton className="sb-tool" icon="attach" label={t.attach} onClick={() => fileInput.current?.click()} />

      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <IconButton className="sb-tool" icon="library" label={t.library} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={container}>
          <DropdownMenu.Content className="sb-menu__content" side="top" align="start">
            {(library.data ?? []).length === 0 && (
              <DropdownMenu.Label className="sb-menu__item">{t.libraryEmpty}</DropdownMenu.Label>
            )}
            {(library.data ?? []).map((a) => (
              <DropdownMenu.Item key={a.id} className="sb-menu__item" onSelect={() => props.onLibrary(a)}>
                {a.name}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <IconButton className="sb-tool" icon="templates" label={t.templates} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={container}>
          <DropdownMenu.Content className="sb-menu__content" side="top" align="start">
            {(templates.data ?? []).length === 0 && (
              <DropdownMenu.Label className="sb-menu__item">{t.templatesEmpty}</DropdownMenu.Label>
            )}
            {(templates.data ?? []).map((template) => (
              <DropdownMenu.Item
                key={template.id}
                className="sb-menu__item"
                onSelect={() => props.onTemplate(template)}
              >
                <span className="sb-menu__label">{template.name}</span>
                <span className="sb-menu__hint">{template.category}</span>
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  )
}
