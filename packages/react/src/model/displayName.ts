import { formatPhone } from '@switchboard/core'
import { type Conversation, withoutControls } from '@switchboard/protocol'

/**
 * The name staff know a conversation by: the client's (without control or direction characters,
 * which could disguise it), else the formatted number.
 */
export function displayName(conversation: Conversation, country = 'US'): string {
  const client = conversation.client
  const name = client ? withoutControls(`${client.firstName} ${client.lastName}`) : ''
  return name || formatPhone(conversation.contact.phone, country)
}
