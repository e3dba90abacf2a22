import { type Ref, type RefCallback, useCallback } from 'react'

/** One ref callback that sets every given ref (a forwarded ref and a component's own). */
export function composeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node)
      else if (ref) (ref as { current: T | null }).current = node
    }
  }
}

/** {@link composeRefs}, stable while the refs are: React does not detach and re-attach it on every render. */
export function useComposedRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the refs are the dependencies
  return useCallback(composeRefs(...refs), refs)
}
