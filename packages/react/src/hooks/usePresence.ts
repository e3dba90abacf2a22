'use client'
import { activePresence, TYPING_TTL, type TypingPresence, VIEWING_TTL, type ViewingPresence } from '@switchboard/core'
import { useEffect, useState } from 'react'
import { useInboxState } from './useInboxState'

type Presences = Record<string, TypingPresence[]>
const selectTyping = (s: { typing: Presences }) => s.typing
const selectViewing = (s: { viewing: Presences }) => s.viewing

/** Who else is at a conversation: typing in it, and (not typing) viewing it. */
export interface PresenceState {
  typing: TypingPresence[]
  viewing: ViewingPresence[]
}

/**
 * The other staff typing in or viewing `conversationId`, fresh signals only: it re-renders when
 * the oldest one goes stale (typing after 6 s, viewing after 45 s without a refresh).
 */
export function usePresence(conversationId: string | null): PresenceState {
  const allTyping = useInboxState(selectTyping)
  const allViewing = useInboxState(selectViewing)
  const [now, setNow] = useState(() => Date.now())
  const typing = activePresence(conversationId ? allTyping[conversationId] : undefined, TYPING_TTL, now)
  const typers = new Set(typing.map((p) => p.userId))
  const viewing = activePresence(conversationId ? allViewing[conversationId] : undefined, VIEWING_TTL, now).filter(
    (p) => !typers.has(p.userId),
  )
  const expires = Math.min(...typing.map((p) => p.at + TYPING_TTL), ...viewing.map((p) => p.at + VIEWING_TTL))
  useEffect(() => {
    if (!Number.isFinite(expires)) return undefined
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, expires - Date.now()) + 20)
    return () => clearTimeout(timer)
  }, [expires])
  return { typing, viewing }
}
