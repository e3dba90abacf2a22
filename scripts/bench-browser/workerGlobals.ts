// MSW keeps cookies in localStorage, which a worker lacks: an in-memory one stands in (imported first).
const items = new Map<string, string>()
if (!('localStorage' in globalThis))
  Object.assign(globalThis, {
    localStorage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, String(value)),
      removeItem: (key: string) => void items.delete(key),
      clear: () => items.clear(),
      key: (index: number) => [...items.keys()][index] ?? null,
      get length() {
        return items.size
      },
    },
  })
