/** Every string the components show, in English. Override any of them through `InboxProvider`. */
export const defaultStrings = {
  inbox: 'SMS inbox',
  loading: 'Loading the inbox…',
  conversations: 'Conversations',
  search: 'Search by name or phone',
  statusFilter: 'Status',
  statusOpen: 'All open',
  statusUnread: 'Open & unread',
  statusAll: 'All messages',
  statusClosed: 'All closed',
  contactFilter: 'Contact type',
  contactAll: 'All contacts',
  contactClients: 'Clients',
  contactLeads: 'Leads',
  assigneeFilter: 'Assignment',
  assigneeAll: 'Everyone',
  assigneeMe: 'Assigned to me',
  assigneeNone: 'Unassigned',
  inboxFilter: 'Inbox',
  inboxAll: 'All inboxes',
  noConversations: 'No conversations match these filters.',
  loadingConversations: 'Loading conversations…',
  loadFailed: 'Could not load: {message}',
  retry: 'Try again',
  lead: 'Lead',
  closed: 'Closed',
  optedOut: 'Opted out',
  blocked: 'Blocked',
  unreadCount: '{count} unread',
  markedUnread: 'Marked unread',
  assignedTo: 'Assigned to {name}',
  viewing: '{names} viewing',
  typing: '{names} typing…',
  photo: 'Photo',
  attachment: 'Attachment',
  you: 'You',
  messagesWith: 'Messages with {name}',
  noConversationSelected: 'Select a conversation to read it.',
  loadingMessages: 'Loading messages…',
  olderMessages: 'Load older messages',
  loadingOlder: 'Loading older messages…',
  newTextFrom: 'New text from {name}: {body}',
  sendFailedTo: 'Not delivered to {name}: {reason}',
  beginning: 'Start of the conversation',
  newMessages: 'New messages',
  jumpToLatest: 'Jump to latest',
  autoReply: 'Auto-reply',
  system: 'Automatic message',
  statusQueued: 'Queued',
  statusSending: 'Sending…',
  statusSent: 'Sent',
  statusDelivered: 'Delivered',
  statusFailed: 'Not delivered',
  statusReceived: 'Received',
  pendingRetrying: 'Waiting for the connection…',
  retrySend: 'Retry',
  discard: 'Discard',
  message: 'Message',
  messagePlaceholder: 'Write a message… (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  emoji: 'Insert emoji',
  loadingEmoji: 'Loading emoji…',
  emojiFailed: 'Emoji could not be loaded.',
  attach: 'Attach a photo or PDF',
  library: 'Attach from the document library',
  libraryEmpty: 'The library is empty.',
  templates: 'Insert a template',
  templatesEmpty: 'No templates yet.',
  uploading: 'Uploading {name}',
  cancelUpload: 'Cancel upload of {name}',
  removeAttachment: 'Remove {name}',
  fillVariables: 'Fill in {variables} before sending.',
  segments: '{count} SMS · {remaining} characters left',
  unicodeHint: 'Special characters ({chars}) shorten each SMS to 70 characters.',
  lockedOptedOut: 'This contact opted out of texts. They can text START to opt back in.',
  lockedBlocked: 'This contact is blocked. Unblock them to send messages.',
  lockedOneWay: 'This number is set up for one-way texting: replies cannot be sent from here.',
  lockedNoPermission: 'You do not have permission to send messages.',
  quietHours: 'It is {time} for this contact: consider sending after 8 am.',
  attachmentUnavailable: 'cannot be shown: its link is not from this inbox',
  fileOfType: '{type} file',
  fileTypeUnknown: 'Unknown type',
  possibleOptOut: 'Possible opt-out',
  optOutRequestTitle: 'Possible opt-out request',
  optOutRequestBody:
    'This text may ask you to stop texting: “{text}”. If it does, record it: nothing more will be sent to this number.',
  recordOptOut: 'Record opt-out',
  dismissOptOut: 'Not an opt-out',
  actions: 'Conversation actions',
  close: 'Close conversation',
  reopen: 'Reopen conversation',
  markUnread: 'Mark as unread',
  markRead: 'Mark as read',
  assign: 'Assign to',
  unassign: 'Unassign',
  moveToInbox: 'Move to inbox',
  noInbox: 'No inbox',
  block: 'Block contact',
  unblock: 'Unblock contact',
  delete: 'Delete conversation',
  deleteTitle: 'Delete this conversation?',
  deleteBody:
    'The conversation, its messages and attachments are deleted for good. This cannot be undone. To keep the history, close it instead.',
  cancel: 'Cancel',
  confirmDelete: 'Delete for good',
  offline: 'You are offline. Messages will be sent when the connection is back.',
  reconnecting: 'Reconnecting…',
  sessionExpired: 'Your session has expired. Sign in again to keep texting.',
  noAccess: 'You do not have access to the SMS inbox. Ask your practice manager for the messaging permission.',
  unreadTexts: '{count} unread texts',
  unreadTexts_one: '{count} unread text',
  unreadConversations: '{count} unread conversations',
  unreadConversations_one: '{count} unread conversation',
  back: 'Back to conversations',
  smsNumber: 'Texting from {number}',
  clientDetails: 'Client details',
  leadExplained: 'This number is not matched to a client yet.',
  phone: 'Phone',
  email: 'E-mail',
  balance: 'Balance',
  textingStatus: 'Texting',
  canText: 'Can receive texts',
  optedOutOn: 'Opted out on {date}',
  consent: 'Consent',
  consentRecord: '{status} ({scope}, {method}) on {date}',
  patients: 'Patients',
}

/** The strings said with a count: a dictionary may give each a form per plural category. */
export type PluralKey = 'unreadTexts' | 'unreadConversations' | 'unreadCount'

/**
 * Every string of the components, by key. Counted strings (`PluralKey`) may also have a form for
 * each CLDR plural category of the language, e.g. `unreadTexts_few` and `unreadTexts_many` in
 * Polish or Russian, `unreadTexts_two` in Arabic; the key without a suffix is the fallback.
 */
export type Strings = typeof defaultStrings & Partial<Record<`${PluralKey}_${Intl.LDMLPluralRule}`, string>>
export type StringKey = keyof Strings

/**
 * The string for a count in the locale's plural form: `key_<category>` for the category
 * `Intl.PluralRules` gives (zero, one, two, few, many, other) when the dictionary has it, else
 * `key`; `{count}` filled with the count formatted for the locale.
 *
 * @example
 * plural(t, 'unreadTexts', 1, 'en') // '1 unread text'
 * plural({ ...t, unreadTexts: '{count} nieprzeczytanych', unreadTexts_few: '{count} nieprzeczytane' }, 'unreadTexts', 3, 'pl')
 * // '3 nieprzeczytane'
 */
export function plural(t: Strings, key: PluralKey, count: number, locale?: string): string {
  const form = t[`${key}_${new Intl.PluralRules(locale).select(count)}`] ?? t[key]
  return format(form, { count: new Intl.NumberFormat(locale).format(count) })
}

/** Fills `{placeholders}` of a string. */
export function format(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}
