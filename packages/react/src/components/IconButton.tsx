'use client'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { TOOLTIP_ATTRIBUTE } from '../hooks/useTooltipLayer'
import { cx } from './cx'
import { Icon, type IconName } from './Icon'

/** Props of {@link IconButton}. */
export interface IconButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  icon: IconName
  /** The button's name, for assistive technology and the tooltip shown on hover and focus. */
  label: string
}

/**
 * A button that shows only an icon: its name is its `aria-label`, and a tooltip says it on hover
 * and keyboard focus (the icon alone is not enough for everyone; see {@link TooltipLayer}).
 * Usable as the child of a Radix trigger with `asChild`: it forwards its ref and every prop.
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, label, className, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      aria-label={label}
      {...{ [TOOLTIP_ATTRIBUTE]: label }}
      {...rest}
      className={cx('sb-button sb-button--ghost sb-button--icon', className)}
    >
      <Icon name={icon} />
    </button>
  )
})
