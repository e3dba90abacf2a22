'use client'
import * as VisuallyHidden from '@radix-ui/react-visually-hidden'
import type { Attachment, Client, Conversation } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, createContext, forwardRef, type ReactNode, useId } from 'react'
import { usePartClassName, useStrings } from '../context'
import { type ComposerLock, type HostTemplateContext, useComposer } from '../hooks/useComposer'
import { format, type InboxStrings } from '../strings'
import { ComposerTools } from './ComposerTools'
import { cx } from './cx'
import { IconButton } from './IconButton'
import { usePartContext } from './partContext'
import { SegmentCounter } from './SegmentCounter'

const LOCKS: Record<Exclude<ComposerLock, null>, keyof InboxStrings> = {
  optedOut: 'lockedOptedOut',
  blocked: 'lockedBlocked',
  oneWay: 'lockedOneWay',
  noPermission: 'lockedNoPermission',
}

/**
 * Props of {@link Composer}. With `children`, the parts (`Composer.Input`, `.Attachments`,
 * `.Notices`, `.Tools`, `.Counter`, `.Send`, `.Error`) are drawn as the host arranges them;
 * without, in the default order.
 */
export interface ComposerProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit'> {
  conversationId: string
  /**
   * The host's tools (forms, payment or review requests), shown after the built-in ones: markup,
   * or a function of the conversation, its client and a way to put text or a file in the draft.
   */
  tools?: HostComposerTools
  /** Variables a template can use beyond the client record and the clinic (an appointment, a link). */
  templateContext?: HostTemplateContext
  children?: ReactNode
}

/** What a host's composer tool receives. */
export interface ComposerToolContext {
  conversation: Conversation
  /** The client's record; null for a lead. */
  client: Client | null
  /** Puts text at the cursor. */
  insertText(text: string): void
  /** Adds a file already on the server (a library document, a generated form) to the message. */
  attach(attachment: Attachment): void
}

/** The host's composer tools: markup, or a function of {@link ComposerToolContext}. */
export type HostComposerTools = ReactNode | ((context: ComposerToolContext) => ReactNode)

type ComposerState = ReturnType<typeof useComposer> & { id: string; tools: HostComposerTools }
const ComposerContext = createContext<ComposerState | null>(null)
const useComposerPart = (part: string) => usePartContext(ComposerContext, 'Composer', part)

const Root = forwardRef<HTMLFormElement, ComposerProps>(function Composer(
  { conversationId, className, tools, templateContext, children, ...rest },
  ref,
) {
  const partClass = usePartClassName('composer', className)
  const t = useStrings()
  const composer = useComposer(conversationId, templateContext ? { templateContext } : {})
  const id = useId()

  // Until the conversation is known, whether it may be texted is not: show nothing to type into.
  if (!composer.ready) return <div className={cx('sb-composer sb-composer--loading', partClass)} aria-busy="true" />
  if (composer.lock) {
    return (
      <div className={cx('sb-composer sb-composer--locked', partClass)} data-state="locked" role="status">
        {t[LOCKS[composer.lock]]}
      </div>
    )
  }
  return (
    <form
      ref={ref}
      {...rest}
      className={cx('sb-composer', partClass)}
      onSubmit={composer.submit}
      data-state={composer.canSend ? 'ready' : 'empty'}
    >
      <ComposerContext.Provider value={{ ...composer, id, tools }}>
        {children ?? (
          <>
            <Notices kind="quiet" />
            <Input />
            <Attachments />
            <Notices kind="variables" />
            <div className="sb-composer__bar">
              <Tools />
              <Counter />
              <Send />
            </div>
            <ErrorMessage />
          </>
        )}
      </ComposerContext.Provider>
    </form>
  )
})

/** The text box, labelled "Message": Enter sends, Shift+Enter starts a new line. */
function Input() {
  const composer = useComposerPart('Input')
  const t = useStrings()
  return (
    <>
      <VisuallyHidden.Root asChild>
        <label htmlFor={`${composer.id}-text`}>{t.message}</label>
      </VisuallyHidden.Root>
      <textarea
        {...composer.getInputProps()}
        id={`${composer.id}-text`}
        className="sb-composer__input"
        rows={3}
        placeholder={t.messagePlaceholder}
        aria-describedby={`${composer.id}-count`}
      />
    </>
  )
}

/** The files being attached: progress, the reason one was refused, remove or cancel. */
function Attachments() {
  const { attachments } = useComposerPart('Attachments')
  const t = useStrings()
  if (attachments.items.length === 0) return null
  return (
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
          {item.error && (
            // Announced: a refused file (type, size) says why as it shows, not only on sight.
            <span className="sb-chip__error" role="alert">
              {item.error}
            </span>
          )}
          <IconButton
            className="sb-button--small"
            icon="remove"
            label={format(item.status === 'uploading' ? t.cancelUpload : t.removeAttachment, { name: item.name })}
            onClick={() => attachments.remove(item.key)}
          />
        </li>
      ))}
    </ul>
  )
}

/** A warning that needs no action to send: quiet hours for the contact, or template variables left to fill (both without kind). */
function Notices({ kind }: { kind?: 'quiet' | 'variables' }) {
  const composer = useComposerPart('Notices')
  const t = useStrings()
  return (
    <>
      {kind !== 'variables' && composer.quietAt && (
        <p className="sb-composer__warning" role="status">
          {format(t.quietHours, { time: composer.quietAt })}
        </p>
      )}
      {kind !== 'quiet' && composer.unfilled.length > 0 && (
        <p className="sb-composer__warning" role="status">
          {format(t.fillVariables, { variables: composer.unfilled.map((v) => `{{${v}}}`).join(', ') })}
        </p>
      )}
    </>
  )
}

/** The built-in tools (emoji, attach, library, templates) and the host's own. */
function Tools() {
  const composer = useComposerPart('Tools')
  const { tools, conversation } = composer
  // A function of the conversation is called once its client is known (null for a lead).
  const host =
    typeof tools === 'function'
      ? conversation &&
        composer.client !== undefined &&
        tools({
          conversation,
          client: composer.client,
          insertText: composer.insertText,
          attach: composer.attachments.addFromLibrary,
        })
      : tools
  return (
    <>
      <ComposerTools
        onEmoji={composer.insertText}
        onFiles={composer.attachments.add}
        onLibrary={composer.attachments.addFromLibrary}
        onTemplate={composer.insertTemplate}
        accept={composer.accept}
      />
      {host && <div className="sb-composer__tools">{host}</div>}
    </>
  )
}

/** How many SMS the text takes and how many characters are left, with the hint when special characters shorten them. */
function Counter() {
  const { segments, id } = useComposerPart('Counter')
  return <SegmentCounter segments={segments} id={`${id}-count`} />
}

/** The send button, enabled when there is something to send and nothing to fill in. */
function Send() {
  const { canSend } = useComposerPart('Send')
  const t = useStrings()
  return (
    <button type="submit" className="sb-button sb-button--primary" disabled={!canSend}>
      {t.send}
    </button>
  )
}

/** Why the last send was refused before it left (an alert: it answers what the user just did). */
function ErrorMessage() {
  const { error } = useComposerPart('Error')
  if (!error) return null
  return (
    <p className="sb-composer__error" role="alert">
      {error.message}
    </p>
  )
}

/**
 * Writes and sends a message: markup over {@link useComposer}. Enter sends, Shift+Enter starts a
 * new line; the draft is kept per conversation; an SMS segment counter with the encoding hint;
 * locked with the reason when the contact opted out or is blocked, in one-way mode, or without
 * permission; a quiet-hours warning. Rearrange its parts by giving children:
 *
 * @example
 * <Composer conversationId={id}>
 *   <Composer.Input />
 *   <div className="my-bar"><Composer.Send /><Composer.Counter /></div>
 * </Composer>
 */
export const Composer = Object.assign(Root, {
  Input,
  Attachments,
  Notices,
  Tools,
  Counter,
  Send,
  Error: ErrorMessage,
})
