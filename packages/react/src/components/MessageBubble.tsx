'use client'
import type { OutboxEntry } from '@switchboard/core'
import { type Attachment, displayFilename, type Message, withoutControls } from '@switchboard/protocol'
import { useInboxClient, useLocale, usePartClassName, useStrings } from '../context'
import { format, type Strings } from '../strings'
import { cx } from './cx'
import { formatMessageTime } from './formatTime'
import { SafeText } from './SafeText'

/** Props of a message bubble: a server message, or a pending/failed send from the outbox. */
export interface MessageBubbleProps {
  message?: Message
  pending?: OutboxEntry
  onRetry?: () => void
  onDiscard?: () => void
  className?: string
}

function senderLabel(message: Message, t: Strings): string | null {
  switch (message.origin) {
    case 'staff':
      return message.author ? withoutControls(message.author.name) : null
    case 'campaign':
      return message.campaign ? withoutControls(message.campaign.name) : null
    case 'auto-reply':
      return t.autoReply
    case 'system':
      return t.system
    default:
      return null
  }
}

const STATUS: Record<Message['status'], keyof Strings> = {
  queued: 'statusQueued',
  sending: 'statusSending',
  sent: 'statusSent',
  delivered: 'statusDelivered',
  failed: 'statusFailed',
  received: 'statusReceived',
}

/** Refusals a retry cannot fix: only discarding makes sense. */
const NOT_RETRYABLE = new Set(['recipient_opted_out', 'recipient_blocked', 'forbidden', 'not_found'])

/** Types a browser draws as a picture; only these, and only when the server proved the type from the bytes. */
const IMAGE_TYPES = /^image\/(jpeg|png|gif|webp)$/
const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WEBP',
  'image/heic': 'HEIC',
}

/**
 * An attachment shown safely: its link only when it is http(s) from the backend's own origins
 * (never `data:` or `javascript:`), an `<img>` only for a type the server proved (never SVG),
 * anything else a download named by its real type; the filename isolated and without direction
 * characters, so `scan‮gnp.exe` cannot pass for a PNG.
 */
function AttachmentView({ attachment }: { attachment: Attachment }) {
  const client = useInboxClient()
  const t = useStrings()
  const { name, extension } = displayFilename(attachment.name)
  if (!client.isFileUrlAllowed(attachment.url)) {
    return (
      <span className="sb-attachment sb-attachment--unavailable" data-state="unavailable">
        <span aria-hidden="true">⚠️</span> <bdi className="sb-attachment__name">{name}</bdi>{' '}
        <span className="sb-attachment__type">{t.attachmentUnavailable}</span>
      </span>
    )
  }
  if (IMAGE_TYPES.test(attachment.contentType)) {
    const thumbnail =
      attachment.thumbnailUrl && client.isFileUrlAllowed(attachment.thumbnailUrl)
        ? attachment.thumbnailUrl
        : attachment.url
    return (
      <a className="sb-attachment sb-attachment--image" href={attachment.url} target="_blank" rel="noopener noreferrer">
        <img src={thumbnail} alt={name} loading="lazy" />
      </a>
    )
  }
  const type = TYPE_LABELS[attachment.contentType] ?? (extension ? extension.toUpperCase() : t.fileTypeUnknown)
  return (
    <a
      className="sb-attachment sb-attachment--file"
      href={attachment.url}
      target="_blank"
      rel="noopener noreferrer"
      download={name}
    >
      <span aria-hidden="true">📄</span> <bdi className="sb-attachment__name">{name}</bdi>{' '}
      <span className="sb-attachment__type">{format(t.fileOfType, { type })}</span>
    </a>
  )
}

/** One message: who sent it, the text (never HTML), attachments, time and delivery status. */
export function MessageBubble({ message, pending, onRetry, onDiscard, className }: MessageBubbleProps) {
  const partClass = usePartClassName('message', className)
  const t = useStrings()
  const locale = useLocale()
  const outbound = pending !== undefined || message?.direction === 'outbound'
  const body = message?.body ?? pending?.body ?? ''
  const attachments = message?.attachments ?? pending?.attachments ?? []
  const createdAt = message?.createdAt ?? pending?.createdAt ?? ''
  const state = pending ? (pending.status === 'failed' ? 'failed' : 'pending') : (message?.status ?? 'received')
  const label = message ? senderLabel(message, t) : null
  const failure = message?.error?.message ?? (pending?.status === 'failed' ? pending.error?.message : undefined)
  return (
    <div
      className={cx('sb-message', outbound ? 'sb-message--outbound' : 'sb-message--inbound', partClass)}
      data-state={state}
      data-origin={message?.origin ?? 'staff'}
    >
      {label && (
        <div className="sb-message__sender">
          <bdi>{label}</bdi>
        </div>
      )}
      <div className="sb-message__bubble">
        {attachments.map((a) => (
          <AttachmentView key={a.id} attachment={a} />
        ))}
        {body && (
          <p className="sb-message__body" dir="auto">
            <SafeText text={body} />
          </p>
        )}
      </div>
      <div className="sb-message__meta">
        {createdAt && <time dateTime={createdAt}>{formatMessageTime(createdAt, locale)}</time>}
        {outbound && (
          <span className="sb-message__status">
            {pending
              ? pending.status === 'failed'
                ? t.statusFailed
                : pending.error
                  ? t.pendingRetrying
                  : t.statusSending
              : t[STATUS[message?.status ?? 'sent']]}
          </span>
        )}
      </div>
      {failure && (
        // Not an alert: the thread announces a failure once, when it happens (an alert here spoke
        // again on every mount, and a virtualized thread mounts rows as it scrolls).
        <div className="sb-message__error">
          {failure}
          {pending?.status === 'failed' && (
            <span className="sb-message__actions">
              {!NOT_RETRYABLE.has(pending.error?.code ?? '') ? (
                <button type="button" className="sb-button sb-button--small" onClick={onRetry}>
                  {t.retrySend}
                </button>
              ) : null}
              <button type="button" className="sb-button sb-button--small sb-button--ghost" onClick={onDiscard}>
                {t.discard}
              </button>
            </span>
          )}
        </div>
      )}
    </div>
  )
}
