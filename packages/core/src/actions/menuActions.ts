import { contactActions } from './contactActions'
import type { ActionContext } from './context'
import { conversationActions } from './conversationActions'
import { laterMessageActions } from './laterMessageActions'

/**
 * The actions of menus and dialogs, as one module loaded after the inbox is up (see
 * `actionsOnDemand`): a conversation's (close, reopen, assign…), a contact's and a client's, and
 * starting a conversation or sending a failed text again.
 */
export function menuActions(ctx: ActionContext) {
  return { ...conversationActions(ctx), ...contactActions(ctx), ...laterMessageActions(ctx) }
}
