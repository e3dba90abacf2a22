'use client'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { usePartClassName, useStrings } from '../context'
import { usePresence } from '../hooks/usePresence'
import { format } from '../strings'
import { cx } from './cx'

/** Props of {@link ConversationPresence}. */
export interface ConversationPresenceProps extends ComponentPropsWithoutRef<'p'> {
  conversationId: string
}

/**
 * "Marcus typing…", "Priya viewing": the other staff at a conversation, as a polite status (it
 * changes when someone starts or stops, not with each key). Nothing when no one else is there.
 * Markup over {@link usePresence}.
 */
export const ConversationPresence = forwardRef<HTMLParagraphElement, ConversationPresenceProps>(
  function ConversationPresence({ conversationId, className, ...rest }, ref) {
    const partClass = usePartClassName('presence', className)
    const t = useStrings()
    const { typing, viewing } = usePresence(conversationId)
    const names = (list: Array<{ name: string }>) => list.map((p) => p.name).join(', ')
    return (
      <p ref={ref} role="status" {...rest} className={cx('sb-presence', partClass)}>
        {typing.length > 0 && <span className="sb-presence__typing">{format(t.typing, { names: names(typing) })}</span>}
        {typing.length > 0 && viewing.length > 0 && ' · '}
        {viewing.length > 0 && <span>{format(t.viewing, { names: names(viewing) })}</span>}
      </p>
    )
  },
)
