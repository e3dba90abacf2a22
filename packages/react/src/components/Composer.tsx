'use client'
import { VisuallyHidden } from 'radix-ui'
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef } from 'react'
import { usePartClassName, useStrings } from '../context'
import { type ComposerLock, useComposer } from '../hooks/useComposer'
import { format, type Strings } from '../strings'
import { ComposerTools } from './ComposerTools'
import { cx } from './cx'
import { IconButton } from './IconButton'

const LOCKS: Record<Exclude<ComposerLock, null>, keyof Strings> = {
  optedOut: 'lockedOptedOut',
  blocked: 'lockedBlocked',
  oneWay: 'lockedOneWay',
  noPermission: 'lockedNoPermission',
}

/** Props of {@link Composer}. */
export interface ComposerProps {
  conversationId: string
  className?: string
  /** The host's tools (forms, payment or review requests), shown beside the send button. */
  tools?: ReactNode
}

/**
 * Writes and sends a message: Enter sends, Shift+Enter starts a new line; the draft is kept per
 * conversation; an SMS segment counter with the encoding hint; locked with the reason when the
 * contact opted out or is blocked, in one-way mode, or without permission; a quiet-hours warning.
 */
export function Composer({ conversationId, className, tools }: ComposerProps) {
  const partClass = usePartClassName('composer', className)
  const t = useStrings()
  const composer = useComposer(conversationId)
  const id = useId()
  const input = useRef<HTMLTextAreaElement>(null)
  const { segments, attachments } = composer

  // Until the conversation is known, whether it may be texted is not: show nothing to type into.
  if (!composer.ready) return <div className={cx('sb-composer sb-composer--loading', partClass)} aria-busy="true" />
  if (composer.lock) {
    return (
      <div className={cx('sb-composer sb-composer--locked', partClass)} data-state="locked" role="status">
        {t[LOCKS[composer.lock]]}
      </div>
    )
  }

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (composer.canSend) composer.send()
  }
  const insertAtCursor = (text: string) => {
    const el = input.current
    const value = composer.text
    const start = el?.selectionStart ?? value.length
    const end = el?.selectionEnd ?? value.length
    composer.setText(value.slice(0, start) + text + value.slice(end))
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + text.length, start + text.length)
    })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      submit()
    }
  }

  return (
    <form className={cx('sb-composer', partClass)} onSubmit={submit} data-state={composer.canSend ? 'ready' : 'empty'}>
      {composer.quietAt && (
        <p className="sb-composer__warning" role="status">
          {format(t.quietHours, { time: composer.quietAt })}
        </p>
      )}
      <VisuallyHidden.Root asChild>
        <label htmlFor={`${id}-text`}>{t.message}</label>
      </VisuallyHidden.Root>
      <textarea
        ref={input}
        dir="auto"
        id={`${id}-text`}
        className="sb-composer__input"
        rows={3}
        placeholder={t.messagePlaceholder}
        value={composer.text}
        onChange={(e) => composer.setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-count`}
      />
      {attachments.items.length > 0 && (
        <ul className="sb-composer__attachments">
          {attachments.items.map((item) => (
            <li key={item.key} className="sb-chip" data-state={item.status}>
              <span className="sb-chip__name">{item.name}</span>
              {item.status === 'uploading' && (
                <progress
                  className="sb-chip__progress"
                  max={1}
                  value={item.progress}
                  aria-label={format(t.uploading, { name: item.name })}
                />
              )}
              {item.error && <span className="sb-chip__error">{item.error}</span>}
              <IconButton
                className="sb-button--small"
                icon="remove"
                label={format(item.status === 'uploading' ? t.cancelUpload : t.removeAttachment, { name: item.name })}
                onClick={() => attachments.remove(item.key)}
              />
            </li>
          ))}
        </ul>
      )}
      {composer.unfilled.length > 0 && (
        <p className="sb-composer__warning" role="status">
          {format(t.fillVariables, { variables: composer.unfilled.map((v) => `{{${v}}}`).join(', ') })}
        </p>
      )}
      <div className="sb-composer__bar">
        <ComposerTools
          onEmoji={insertAtCursor}
          onFiles={attachments.add}
          onLibrary={attachments.addFromLibrary}
          onTemplate={composer.insertTemplate}
          accept={composer.accept}
        />
        <div className="sb-composer__count" id={`${id}-count`}>
          {segments.segments > 0 && format(t.segments, { count: segments.segments, remaining: segments.remaining })}
          {segments.encoding === 'UCS-2' && (
            <span className="sb-composer__hint">
              {' '}
              {format(t.unicodeHint, { chars: segments.unicodeCharacters.slice(0, 5).join(' ') })}
            </span>
          )}
        </div>
        <div className="sb-composer__tools">{tools}</div>
        <button type="submit" className="sb-button sb-button--primary" disabled={!composer.canSend}>
          {t.send}
        </button>
      </div>
      {composer.error && (
        <p className="sb-composer__error" role="alert">
          {composer.error.message}
        </p>
      )}
    </form>
  )
}
