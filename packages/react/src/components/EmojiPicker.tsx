'use client'
import { useEffect, useRef, useState } from 'react'
import { useStrings } from '../context'

/**
 * emoji-mart's picker, loaded only when first opened (its data is over 500 kB) and mounted as
 * the web component it is.
 */
export function EmojiPicker({
  onSelect,
  theme,
}: {
  onSelect: (emoji: string) => void
  theme?: 'light' | 'dark' | 'auto'
}) {
  const t = useStrings()
  const ref = useRef<HTMLDivElement>(null)
  const select = useRef(onSelect)
  select.current = onSelect
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  useEffect(() => {
    let picker: { remove?: () => void } | null = null
    let cancelled = false
    Promise.all([import('emoji-mart'), import('@emoji-mart/data')]).then(
      ([{ Picker }, data]) => {
        if (cancelled || !ref.current) return
        picker = new Picker({
          data: (data as { default?: unknown }).default ?? data,
          onEmojiSelect: (emoji: { native: string }) => select.current(emoji.native),
          theme: theme ?? 'auto',
          previewPosition: 'none',
          skinTonePosition: 'search',
        }) as unknown as { remove?: () => void }
        ref.current.appendChild(picker as unknown as Node)
        setState('ready')
      },
      () => setState('failed'),
    )
    return () => {
      cancelled = true
      picker?.remove?.()
    }
  }, [theme])
  return (
    <div ref={ref} className="sb-emoji" data-state={state}>
      {state === 'loading' && <p className="sb-emoji__status">{t.loadingEmoji}</p>}
      {state === 'failed' && <p className="sb-emoji__status">{t.emojiFailed}</p>}
    </div>
  )
}
