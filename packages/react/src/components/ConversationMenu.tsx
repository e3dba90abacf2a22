'use client'
import { toInboxError } from '@switchboard/core'
import type { Conversation } from '@switchboard/protocol'
import { hasPermission } from '@switchboard/protocol'
import { AlertDialog, DropdownMenu } from 'radix-ui'
import { useState } from 'react'
import { useInboxClient, usePartClassName, useStrings } from '../context'
import { useInboxes, useMe, usePermission, useTeam } from '../hooks/useServerData'
import { cx } from './cx'
import { IconButton } from './IconButton'
import { usePortalContainer } from './portal'

/** A submenu picking one of `choices`, or none (`null`), with the current one checked. */
function ChoiceSubmenu(props: {
  label: string
  container: HTMLElement | undefined
  value: string | null
  none: string
  choices: Array<{ id: string; label: string }>
  onChoose: (id: string | null) => void
}) {
  return (
    <DropdownMenu.Sub>
      <DropdownMenu.SubTrigger className="sb-menu__item">{props.label}</DropdownMenu.SubTrigger>
      <DropdownMenu.Portal container={props.container}>
        <DropdownMenu.SubContent className="sb-menu__content">
          <DropdownMenu.RadioGroup value={props.value ?? ''} onValueChange={(v) => props.onChoose(v || null)}>
            <DropdownMenu.RadioItem className="sb-menu__item" value="">
              {props.none}
            </DropdownMenu.RadioItem>
            {props.choices.map((choice) => (
              <DropdownMenu.RadioItem key={choice.id} className="sb-menu__item" value={choice.id}>
                {choice.label}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.SubContent>
      </DropdownMenu.Portal>
    </DropdownMenu.Sub>
  )
}

/**
 * The actions on a conversation, each shown only with the permission: close or reopen, mark
 * unread, assign or unassign, move to an inbox, block or unblock, delete (with confirmation).
 */
export function ConversationMenu({
  conversation,
  className,
  onDeleted,
}: {
  conversation: Conversation
  className?: string
  onDeleted?: () => void
}) {
  const partClass = usePartClassName('menu', className)
  const t = useStrings()
  const client = useInboxClient()
  const { data: me } = useMe()
  const { data: team } = useTeam()
  const { data: inboxes } = useInboxes()
  const canDelete = usePermission('messaging.delete')
  const canBlock = usePermission('messaging.block')
  const container = usePortalContainer()
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = (action: () => Promise<unknown>) => {
    setError(null)
    action().catch((e) => setError(toInboxError(e).message))
  }
  const a = client.actions
  const c = conversation
  return (
    <div className={cx('sb-menu', partClass)}>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <IconButton className="sb-menu__trigger" icon="more" label={t.actions} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={container}>
          <DropdownMenu.Content className="sb-menu__content" align="end" sideOffset={4}>
            {c.status === 'open' ? (
              <DropdownMenu.Item className="sb-menu__item" onSelect={() => run(() => a.close(c.id))}>
                {t.close}
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item className="sb-menu__item" onSelect={() => run(() => a.reopen(c.id))}>
                {t.reopen}
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Item className="sb-menu__item" onSelect={() => run(() => a.markUnread(c.id))}>
              {t.markUnread}
            </DropdownMenu.Item>
            <ChoiceSubmenu
              label={t.assign}
              container={container}
              value={c.assigneeId}
              none={t.unassign}
              choices={(team ?? [])
                .filter((m) => hasPermission(m, 'messaging'))
                .map((m) => ({ id: m.id, label: m.id === me?.user.id ? `${m.name} (${t.you})` : m.name }))}
              onChoose={(id) => run(() => a.assign(c.id, id))}
            />
            {(inboxes?.length ?? 0) > 0 && (
              <ChoiceSubmenu
                label={t.moveToInbox}
                container={container}
                value={c.inboxId}
                none={t.noInbox}
                choices={(inboxes ?? []).map((i) => ({ id: i.id, label: i.name }))}
                onChoose={(id) => run(() => a.moveToInbox(c.id, id))}
              />
            )}
            {canBlock && (
              <DropdownMenu.Item
                className="sb-menu__item"
                onSelect={() => run(() => (c.contact.blocked ? a.unblock(c.contact.phone) : a.block(c.contact.phone)))}
              >
                {c.contact.blocked ? t.unblock : t.block}
              </DropdownMenu.Item>
            )}
            {canDelete && (
              <>
                <DropdownMenu.Separator className="sb-menu__separator" />
                <DropdownMenu.Item className="sb-menu__item sb-menu__item--danger" onSelect={() => setConfirming(true)}>
                  {t.delete}
                </DropdownMenu.Item>
              </>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <AlertDialog.Root open={confirming} onOpenChange={setConfirming}>
        <AlertDialog.Portal container={container}>
          <AlertDialog.Overlay className="sb-dialog__overlay" />
          <AlertDialog.Content className="sb-dialog">
            <AlertDialog.Title className="sb-dialog__title">{t.deleteTitle}</AlertDialog.Title>
            <AlertDialog.Description className="sb-dialog__body">{t.deleteBody}</AlertDialog.Description>
            <div className="sb-dialog__actions">
              <AlertDialog.Cancel className="sb-button">{t.cancel}</AlertDialog.Cancel>
              <AlertDialog.Action
                className="sb-button sb-button--danger"
                onClick={() =>
                  run(async () => {
                    await a.remove(c.id)
                    onDeleted?.()
                  })
                }
              >
                {t.confirmDelete}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {error && (
        <p className="sb-menu__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
