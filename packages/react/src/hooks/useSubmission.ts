'use client'
import { toInboxError } from '@switchboard/core'
import { useRef, useState } from 'react'

/** What {@link useSubmission} hands out. */
export interface Submission {
  /** A submission is on its way. */
  pending: boolean
  /** Why the last one failed (the server's reason, or one given with `fail`), as staff read it. */
  error: string | null
  /** Shows a reason without submitting (nothing picked, a field to fix). Returns null. */
  fail(message: string): null
  /**
   * Runs one submission: the error cleared, `pending` while it runs, a second call ignored until
   * it ends (a double click sends once); resolves with its result, or null with `error` set.
   */
  run<T>(submit: () => Promise<T>): Promise<T | null>
  clear(): void
}

/** The life of a form's submission: pending, its refusal in staff's words, one at a time. */
export function useSubmission(): Submission {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)
  return {
    pending,
    error,
    fail: (message) => {
      setError(message)
      return null
    },
    clear: () => setError(null),
    run: async (submit) => {
      if (running.current) return null
      running.current = true
      setError(null)
      setPending(true)
      try {
        return await submit()
      } catch (e) {
        setError(toInboxError(e).message)
        return null
      } finally {
        running.current = false
        setPending(false)
      }
    },
  }
}
