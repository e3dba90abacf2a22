'use client'
import { Tooltip } from 'radix-ui'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { cx } from './cx'
import { Icon, type IconName } from './Icon'
import { usePortalContainer } from './portal'

/** Props of {@link IconButton}. */
export interface IconButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  icon: IconName
  /** The button's name, for assistive technology and the tooltip shown on hover and focus. */
  label: string
}

/**
 * A button that shows only an icon: its name is its `aria-label`, and a Radix tooltip says it
 * on hover and keyboard focus (the icon alone is not enough for everyone). Usable as the child of
 * a Radix trigger with `asChild`: it forwards its ref and every prop.
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, label, className, type = 'button', ...rest },
  ref,
) {
  const container = usePortalContainer()
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <button
          ref={ref}
          type={type}
          aria-label={label}
          {...rest}
          className={cx('sb-button sb-button--ghost sb-button--icon', className)}
        >
          <Icon name={icon} />
        </button>
      </Tooltip.Trigger>
      <Tooltip.Portal container={container}>
        <Tooltip.Content className="sb-tooltip" side="top" sideOffset={6}>
          {label}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  )
})
