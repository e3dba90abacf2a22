import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())
// The first render of a file (imports, the mock server's first replies) can pass the default
// 1 s when two cores run every project at once; findBy/waitFor wait up to 5 s for what must appear.
configure({ asyncUtilTimeout: 5000 })

// jsdom has no layout: give the virtualizer and Radix what a browser would.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (typeof Element !== 'undefined') {
  globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver
  Element.prototype.scrollTo ??= function scrollTo() {}
  Element.prototype.scrollIntoView ??= function scrollIntoView() {}
  Element.prototype.hasPointerCapture ??= () => false
  Element.prototype.releasePointerCapture ??= () => undefined
  for (const [prop, value] of [
    ['offsetHeight', 800],
    ['offsetWidth', 400],
    ['clientHeight', 800],
    ['clientWidth', 400],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value })
  }
}
