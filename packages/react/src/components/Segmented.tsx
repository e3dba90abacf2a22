'use client'

/** Props of {@link Segmented}. */
export interface SegmentedProps<T extends string> {
  /** The radios' group name (unique in the form). */
  name: string
  options: ReadonlyArray<{ value: T; label: string }>
  value: T
  onChange(value: T): void
}

/**
 * Two or three exclusive choices drawn as one control: native radios (arrows move between them),
 * each with its label in a span after it, which the stylesheet marks as chosen or focused from the
 * radio beside it (`input:checked + span`): no `:has()`, which Firefox before 121 lacks.
 */
export function Segmented<T extends string>({ name, options, value, onChange }: SegmentedProps<T>) {
  return (
    <div className="sb-segmented">
      {options.map((option) => (
        <label key={option.value} className="sb-segmented__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span className="sb-segmented__label">{option.label}</span>
        </label>
      ))}
    </div>
  )
}
