import { flushSync } from 'react-dom'

/**
 * Commits an edit of a text box's value now (`edit` answers where the caret goes after it), then
 * focuses the box with the caret there.
 *
 * Done in the same task as the click that asked for it: a caret placed a frame later would land
 * after keys typed in between and move the caret back behind them, so their text would end up
 * after the rest (a fast typist or a test, right after inserting a variable or an emoji).
 */
export function placeCaretAfter(box: HTMLTextAreaElement | HTMLInputElement | null, edit: () => number): void {
  const caret = flushSync(edit)
  box?.focus()
  box?.setSelectionRange(caret, caret)
}
