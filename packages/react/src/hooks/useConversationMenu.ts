'use client'
import { toInboxError } from '@switchboard/core'
import { type Conversation, hasPermission, isUnread } from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient, useStrings } from '../context'
import { useInboxes, useMe, usePermission, useTeam } from './useServerData'

/** One action of the menu. */
export interface ConversationMenuAction {
  id: 'close' | 'reopen' | 'markRead' | 'markUnread' | 'assignToClient' | 'block' | 'unblock' | 'delete'
  label: string
  /** Destructive: drawn apart and in the danger colour. */
  danger: boolean
  /** Runs it (for `delete`: asks to confirm first). */
  run(): void
}

/** A choice of one among several, or none (`null`): assignee, inbox. */
export interface ConversationMenuChoice {
  label: string
  /** The current choice; `null` for none. */
  value: string | null
  /** What "none" is called (Unassign, No inbox). */
  none: string
  choices: Array<{ id: string; label: string }>
  choose(id: string | null): void
}

/** What {@link useConversationMenu} hands out. */
export interface ConversationMenuState {
  /** The actions this user may take, in the menu's order (close or reopen, read or unread, block or unblock, delete). */
  actions: ConversationMenuAction[]
  /** Assign to a member with the messaging permission, or unassign. */
  assign: ConversationMenuChoice
  /** Move to an inbox, or out of every inbox; null while the clinic has no inboxes. */
  move: ConversationMenuChoice | null
  /** The delete confirmation: open after `delete` runs. */
  confirmDelete: {
    open: boolean
    setOpen(open: boolean): void
    confirm(): void
  }
  /** The "Assign to client" dialog of a lead: open after `assignToClient` runs. */
  assignToClient: {
    open: boolean
    setOpen(open: boolean): void
  }
  /** The last refusal, as staff read it; cleared when the next action starts. */
  error: string | null
}

/**
 * The actions on a conversation, each offered only with its permission, for the default
 * `ConversationMenu` or a host's own menu: close or reopen, mark read or unread, assign or
 * unassign, move to an inbox, assign a lead's number to a client, block or unblock (`messaging.block`), delete after a confirmation
 * (`messaging.delete`). Every action shows at once and shows the server's refusal in `error`.
 */
export function useConversationMenu(
  conversation: Conversation,
  options: { onDeleted?: () => void } = {},
): ConversationMenuState {
  const t = useStrings()
  const client = useInboxClient()
  const { data: me } = useMe()
  const { data: team } = useTeam()
  const { data: inboxes } = useInboxes()
  // An archived inbox takes no new conversations: offered only to show where this one already is.
  const offered = (inboxes ?? []).filter((i) => !i.archived || i.id === conversation?.inboxId)
  const canDelete = usePermission('messaging.delete')
  const canBlock = usePermission('messaging.block')
  const [confirming, setConfirming] = useState(false)
  const [assigning, setAssigning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = (action: () => Promise<unknown>) => {
    setError(null)
    action().catch((e) => setError(toInboxError(e).message))
  }
  const a = client.actions
  const c = conversation
  const action = (id: ConversationMenuAction['id'], label: string, go: () => void): ConversationMenuAction => ({
    id,
    label,
    danger: id === 'delete',
    run: go,
  })
  const actions: ConversationMenuAction[] = [
    c.status === 'open'
      ? action('close', t.close, () => run(() => a.close(c.id)))
      : action('reopen', t.reopen, () => run(() => a.reopen(c.id))),
    isUnread(c)
      ? action('markRead', t.markRead, () => run(() => a.markRead(c.id)))
      : action('markUnread', t.markUnread, () => run(() => a.markUnread(c.id))),
  ]
  if (c.client === null) actions.push(action('assignToClient', t.assignToClient, () => setAssigning(true)))
  if (canBlock) {
    actions.push(
      c.contact.blocked
        ? action('unblock', t.unblock, () => run(() => a.unblock(c.contact.phone)))
        : action('block', t.block, () => run(() => a.block(c.contact.phone))),
    )
  }
  if (canDelete) actions.push(action('delete', t.delete, () => setConfirming(true)))
  return {
    actions,
    assign: {
      label: t.assign,
      value: c.assigneeId,
      none: t.unassign,
      choices: (team ?? [])
        .filter((m) => hasPermission(m, 'messaging'))
        .map((m) => ({ id: m.id, label: m.id === me?.user.id ? `${m.name} (${t.you})` : m.name })),
      choose: (id) => run(() => a.assign(c.id, id)),
    },
    move:
      offered.length > 0
        ? {
            label: t.moveToInbox,
            value: c.inboxId,
            none: t.noInbox,
            choices: offered.map((i) => ({ id: i.id, label: i.name })),
            choose: (id) => run(() => a.moveToInbox(c.id, id)),
          }
        : null,
    confirmDelete: {
      open: confirming,
      setOpen: setConfirming,
      confirm: () =>
        run(async () => {
          await a.remove(c.id)
          options.onDeleted?.()
        }),
    },
    assignToClient: { open: assigning, setOpen: setAssigning },
    error,
  }
}
