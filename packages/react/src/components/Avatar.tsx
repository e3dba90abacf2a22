'use client'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { useLocale } from '../context'
import { avatarHue, initials } from '../model/initials'
import { cx } from './cx'
import { Icon } from './Icon'

/** Props of {@link Avatar}. */
export interface AvatarProps extends ComponentPropsWithoutRef<'span'> {
  /** The person's name; a number (a lead) shows a person icon instead of initials. */
  name: string
  /** What the colour is derived from (a client's or contact's id), so it stays the same everywhere. */
  colorKey: string
  size?: 'small' | 'medium'
}

/**
 * A round badge with a person's initials (or a person icon for an unknown number), in a colour
 * derived from their id. Decorative: the name beside it is what assistive technology reads.
 */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar(
  { name, colorKey, size = 'medium', className, ...rest },
  ref,
) {
  const locale = useLocale()
  const letters = initials(name, locale)
  return (
    <span
      ref={ref}
      aria-hidden="true"
      {...rest}
      className={cx('sb-avatar', `sb-avatar--${size}`, !letters && 'sb-avatar--person', className)}
      data-hue={avatarHue(colorKey)}
    >
      {letters || <Icon name="person" />}
    </span>
  )
})
