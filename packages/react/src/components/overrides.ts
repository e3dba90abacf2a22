import type { ComponentType } from 'react'
import type { ConversationRowProps } from './ConversationRow'
import type { MessageBubbleProps } from './MessageBubble'

/**
 * Parts a host can draw itself, read as `const { MessageBubble = DefaultMessageBubble } = useComponents()`.
 * Keep the map small and stable (module scope or useMemo).
 */
export interface ComponentOverrides {
  MessageBubble?: ComponentType<MessageBubbleProps>
  ConversationRow?: ComponentType<ConversationRowProps>
}
