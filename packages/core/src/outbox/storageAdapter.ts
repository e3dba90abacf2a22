/** Where the client keeps what must survive a reload (the outbox, drafts). localStorage fits. */
export interface StorageAdapter {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
}

/** A storage in memory: for Node, tests, and as the fallback when localStorage is unavailable. */
export function memoryStorageAdapter(): StorageAdapter & { dump(): Record<string, string> } {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value)
    },
    removeItem: (key) => {
      items.delete(key)
    },
    dump: () => Object.fromEntries(items),
  }
}

/** The browser's localStorage when it works (not in Node, not when blocked), else memory. */
export function defaultStorageAdapter(): StorageAdapter {
  try {
    const storage = globalThis.localStorage
    const probe = '__switchboard_probe__'
    storage.setItem(probe, '1')
    storage.removeItem(probe)
    return storage
  } catch {
    return memoryStorageAdapter()
  }
}
