import { type Context, useContext } from 'react'

/**
 * Reads the context a compound component shares with its parts (`Composer.Send`,
 * `MessageBubble.Meta`), and says clearly when a part is used outside its component.
 */
export function usePartContext<T>(context: Context<T | null>, component: string, part: string): T {
  const value = useContext(context)
  if (!value) throw new Error(`${component}.${part} must be inside a <${component}>.`)
  return value
}
