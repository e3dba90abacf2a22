'use client'
import { InboxError, toInboxError } from '@switchboard/core'
import { type Attachment, attachmentRefusal, type Limits } from '@switchboard/protocol'
import { useCallback, useRef, useState } from 'react'
import { useInboxClient } from '../context'

/** A file on its way to (or refused by) the server, or done. */
export interface PendingAttachment {
  key: string
  name: string
  size: number
  status: 'uploading' | 'done' | 'failed'
  /** 0–1 while uploading. */
  progress: number
  attachment?: Attachment
  error?: string
}

let counter = 0

/** Checks a file against the server's limits before uploading it; a readable reason or null (protocol's `attachmentRefusal`). */
export function attachmentProblem(
  file: { name: string; size: number; type: string },
  limits: Limits | undefined,
  already: number,
): string | null {
  return limits ? (attachmentRefusal(file, limits, already)?.message ?? null) : null
}

/**
 * Attachments of one message being written: uploads with progress and cancel, checked against
 * the server's type and size limits first; documents from the clinic's library join at once.
 */
export function useAttachments(limits: Limits | undefined) {
  const client = useInboxClient()
  const [items, setItems] = useState<PendingAttachment[]>([])
  const aborts = useRef(new Map<string, AbortController>())
  const update = useCallback(
    (key: string, change: Partial<PendingAttachment>) =>
      setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i))),
    [],
  )

  const add = useCallback(
    (files: Iterable<File>) => {
      let total = items.reduce((sum, i) => sum + i.size, 0)
      for (const file of files) {
        const key = `upload-${++counter}`
        const problem = attachmentProblem(file, limits, total)
        if (problem) {
          setItems((list) => [
            ...list,
            { key, name: file.name, size: file.size, status: 'failed', progress: 0, error: problem },
          ])
          continue
        }
        total += file.size
        const controller = new AbortController()
        aborts.current.set(key, controller)
        setItems((list) => [...list, { key, name: file.name, size: file.size, status: 'uploading', progress: 0 }])
        client.actions
          .upload(file, {
            signal: controller.signal,
            onProgress: (loaded, size) => update(key, { progress: size ? loaded / size : 0 }),
          })
          .then(
            (attachment) => update(key, { status: 'done', progress: 1, attachment }),
            (error: unknown) => {
              const e = toInboxError(error)
              if (e.code === 'aborted') setItems((list) => list.filter((i) => i.key !== key))
              else update(key, { status: 'failed', error: e.message })
            },
          )
          .finally(() => aborts.current.delete(key))
      }
    },
    [client, items, limits, update],
  )

  const addFromLibrary = useCallback((attachment: Attachment) => {
    setItems((list) =>
      list.some((i) => i.attachment?.id === attachment.id)
        ? list
        : [
            ...list,
            {
              key: `library-${attachment.id}`,
              name: attachment.name,
              size: attachment.size,
              status: 'done',
              progress: 1,
              attachment,
            },
          ],
    )
  }, [])

  /** Cancels an upload or removes a file. */
  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.abort()
    setItems((list) => list.filter((i) => i.key !== key))
  }, [])

  const clear = useCallback(() => setItems([]), [])
  const ready = items.filter((i) => i.status === 'done' && i.attachment).map((i) => i.attachment as Attachment)
  const uploading = items.some((i) => i.status === 'uploading')
  return { items, add, addFromLibrary, remove, clear, ready, uploading }
}

export { InboxError }
