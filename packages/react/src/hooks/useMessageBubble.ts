'use client'
import type { OutboxEntry } from '@switchboard/core'
import {
  type Attachment,
  displayFilename,
  type Message,
  type MessageOrigin,
  withoutControls,
} from '@switchboard/protocol'
import { useInboxClient, useLocale, useStrings } from '../context'
import { formatMessageTime } from '../model/formatTime'
import type { MessageGroupPosition } from '../model/threadRows'
import type { InboxStrings } from '../strings'
import { format } from '../strings'

/** Options of {@link useMessageBubble}: a server message, or a pending/failed send from the outbox. */
export interface MessageBubbleOptions {
  message?: Message
  pending?: OutboxEntry
  /** Its place in a group of messages from one sender within a minute. Default `single`. */
  group?: MessageGroupPosition
  onRetry?: () => void
  onDiscard?: () => void
}

/** An attachment as it may be shown: a picture, a download, or unavailable (its link is not the backend's). */
export type AttachmentView =
  | { kind: 'image'; id: string; name: string; href: string; src: string }
  | { kind: 'file'; id: string; name: string; href: string; type: string }
  | { kind: 'unavailable'; id: string; name: string }

/** What {@link useMessageBubble} hands out. */
export interface MessageBubbleState {
  direction: 'inbound' | 'outbound'
  /** `pending` and `failed` for sends in the outbox, else the message's delivery status. */
  state: Message['status'] | 'pending'
  origin: MessageOrigin
  group: MessageGroupPosition
  /** Who wrote it (a staff member, a campaign, the auto-reply), without control characters; null for the client. */
  sender: string | null
  /**
   * The sender's name shows with the time, under the last message of a group: what a message
   * shows then depends only on the one after it, so older history loading above never changes a
   * message already on screen.
   */
  showSender: boolean
  body: string
  attachments: AttachmentView[]
  createdAt: string
  time: string
  /** The delivery status in words, for outbound messages. */
  status: string | null
  /** Time and status show on the last message of a group, and always on a pending or failed one. */
  showMeta: boolean
  /** Why it was not delivered, as staff read it. */
  failure: string | null
  /** A refused send that trying again could fix. */
  canRetry: boolean
  /** A refused send that can be dropped. */
  canDiscard: boolean
  retry: () => void
  discard: () => void
}

const STATUS: Record<Message['status'], keyof InboxStrings> = {
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

function senderLabel(message: Message, t: InboxStrings): string | null {
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

/**
 * Everything a message bubble shows, decided safely, for the default `MessageBubble` or a host's
 * own: direction and state, the sender (under a group's last message), the body (to render as text,
 * never HTML), attachments (a link only when it is http(s) from the backend's own origins, a
 * picture only for a type the server proved, never SVG; names without direction characters),
 * time and status (on a group's last message), the failure reason, and retry or discard where
 * they make sense.
 */
export function useMessageBubble(options: MessageBubbleOptions): MessageBubbleState {
  const { message, pending, group = 'single', onRetry, onDiscard } = options
  const client = useInboxClient()
  const t = useStrings()
  const locale = useLocale()
  const outbound = pending !== undefined || message?.direction === 'outbound'
  const createdAt = message?.createdAt ?? pending?.createdAt ?? ''
  const state = pending ? (pending.status === 'failed' ? 'failed' : 'pending') : (message?.status ?? 'received')
  const failed = pending?.status === 'failed'
  const attachments = (message?.attachments ?? pending?.attachments ?? []).map((a) => attachmentView(a))
  function attachmentView(attachment: Attachment): AttachmentView {
    const { name, extension } = displayFilename(attachment.name)
    if (!client.isFileUrlAllowed(attachment.url)) return { kind: 'unavailable', id: attachment.id, name }
    if (IMAGE_TYPES.test(attachment.contentType)) {
      const src =
        attachment.thumbnailUrl && client.isFileUrlAllowed(attachment.thumbnailUrl)
          ? attachment.thumbnailUrl
          : attachment.url
      return { kind: 'image', id: attachment.id, name, href: attachment.url, src }
    }
    const type = TYPE_LABELS[attachment.contentType] ?? (extension ? extension.toUpperCase() : t.fileTypeUnknown)
    return { kind: 'file', id: attachment.id, name, href: attachment.url, type: format(t.fileOfType, { type }) }
  }
  const status = !outbound
    ? null
    : pending
      ? failed
        ? t.statusFailed
        : pending.error
          ? t.pendingRetrying
          : t.statusSending
      : message?.resentAs
        ? t.statusSentAgain
        : (t[STATUS[message?.status ?? 'sent']] as string)
  return {
    direction: outbound ? 'outbound' : 'inbound',
    state,
    origin: message?.origin ?? 'staff',
    group,
    sender: message ? senderLabel(message, t) : null,
    showSender: group === 'single' || group === 'last',
    body: message?.body ?? pending?.body ?? '',
    attachments,
    createdAt,
    time: createdAt ? formatMessageTime(createdAt, locale) : '',
    status: status ?? null,
    showMeta: group === 'single' || group === 'last' || state === 'pending' || state === 'failed',
    failure: message?.error?.message ?? (failed ? (pending?.error?.message ?? null) : null),
    // A queued send the server refused for a reason a retry can fix; or a text the carrier failed
    // that the thread offers to send again (`onRetry` given only where `canSendAgain` allows).
    canRetry: failed
      ? !NOT_RETRYABLE.has(pending?.error?.code ?? '')
      : message?.status === 'failed' && !message.resentAs && onRetry !== undefined,
    canDiscard: failed,
    retry: () => onRetry?.(),
    discard: () => onDiscard?.(),
  }
}
