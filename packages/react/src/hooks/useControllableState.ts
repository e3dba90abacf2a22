'use client'
import { useCallback, useRef, useState } from 'react'

/** Options of {@link useControllableState}. */
export interface ControllableStateOptions<T> {
  /** The value when the owner controls it; `undefined` leaves the value to the hook. */
  prop?: T | undefined
  /** The starting value when uncontrolled. */
  defaultProp: T
  /** Called with each new value, controlled or not (not when the value stays the same). */
  onChange?: ((value: T) => void) | undefined
  /**
   * Where the uncontrolled value lives when not in the hook's own state, as `[value, set]` (for
   * example the client's store, so other parts see it).
   */
  store?: readonly [T, (value: T) => void]
}

/**
 * A value that its owner may control (`prop` with `onChange`) or leave to the component
 * (`defaultProp`), the pattern of Radix's primitives. The setter is stable across renders, so
 * memoized rows that receive it do not re-render.
 *
 * @example
 * const [open, setOpen] = useControllableState({ prop: props.open, defaultProp: false, onChange: props.onOpenChange })
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  store,
}: ControllableStateOptions<T>): [T, (value: T) => void] {
  const [own, setOwn] = useState(defaultProp)
  const [uncontrolled, setUncontrolled] = store ?? [own, setOwn]
  const controlled = prop !== undefined
  const value = controlled ? prop : uncontrolled
  const latest = useRef({ value, controlled, onChange, setUncontrolled })
  latest.current = { value, controlled, onChange, setUncontrolled }
  const set = useCallback((next: T) => {
    const { value: current, controlled: isControlled, onChange: notify, setUncontrolled: keep } = latest.current
    if (Object.is(next, current)) return
    if (!isControlled) keep(next)
    notify?.(next)
  }, [])
  return [value, set]
}
