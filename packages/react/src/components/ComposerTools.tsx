'use client'
import type { Attachment, Template } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { lazy, useId, useRef } from 'react'
import { useInboxClient, useStrings } from '../context'
import { DeferredPopup } from './deferredTrigger'
import { IconButton } from './IconButton'

const popups = () => import('./composerPopups')
const EmojiPopover = lazy(() => popups().then((m) => ({ default: m.EmojiPopover })))
const LibraryMenu = lazy(() => popups().then((m) => ({ default: m.LibraryMenu })))
const TemplatesMenu = lazy(() => popups().then((m) => ({ default: m.TemplatesMenu })))

/**
 * The composer's built-in tools: emoji, attach (upload or library), templates. Their popups'
 * code loads when one is first opened.
 */
export function ComposerTools(props: {
  onEmoji: (emoji: string) => void
  onFiles: (files: File[]) => void
  onLibrary: (attachment: Attachment) => void
  onTemplate: (template: Template) => void
  accept: string
}) {
  const t = useStrings()
  const client = useInboxClient()
  const fileInput = useRef<HTMLInputElement>(null)
  const id = useId()
  const templates = useQuery(client.queries.templates(), client.queryClient)
  const library = useQuery(client.queries.library(), client.queryClient)
  return (
    <div className="sb-composer__tools-builtin">
      <DeferredPopup popup="dialog" trigger={<IconButton className="sb-tool" icon="emoji" label={t.emoji} />}>
        {(trigger, keyboard) => <EmojiPopover trigger={trigger} keyboard={keyboard} onEmoji={props.onEmoji} />}
      </DeferredPopup>

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

      <DeferredPopup popup="menu" trigger={<IconButton className="sb-tool" icon="library" label={t.library} />}>
        {(trigger, keyboard) => (
          <LibraryMenu trigger={trigger} keyboard={keyboard} items={library.data ?? []} onSelect={props.onLibrary} />
        )}
      </DeferredPopup>

      <DeferredPopup popup="menu" trigger={<IconButton className="sb-tool" icon="templates" label={t.templates} />}>
        {(trigger, keyboard) => (
          <TemplatesMenu
            trigger={trigger}
            keyboard={keyboard}
            items={templates.data ?? []}
            onSelect={props.onTemplate}
          />
        )}
      </DeferredPopup>
    </div>
  )
}
