import {
  ArrowLeft,
  Check,
  ChevronRight,
  Ellipsis,
  Eye,
  File,
  FileText,
  FolderOpen,
  Paperclip,
  Plus,
  Smile,
  TriangleAlert,
  User,
  X,
} from 'lucide-react'

/**
 * The widget's icons: SVG from Lucide (each imported by name, so a bundle keeps only these), not
 * emoji or arrow characters, which depend on the host's fonts (empty boxes where no emoji font is
 * installed).
 */
const ICONS = {
  back: ArrowLeft,
  more: Ellipsis,
  emoji: Smile,
  attach: Paperclip,
  library: FolderOpen,
  templates: FileText,
  remove: X,
  person: User,
  check: Check,
  submenu: ChevronRight,
  viewing: Eye,
  file: File,
  warning: TriangleAlert,
  add: Plus,
} as const

/** The name of one of the widget's icons. */
export type IconName = keyof typeof ICONS

/**
 * An icon in the text's colour and size, hidden from assistive technology: the control it sits in
 * carries the name. `back` and `submenu` mirror in right-to-left text.
 */
export function Icon({ name }: { name: IconName }) {
  const Glyph = ICONS[name]
  return (
    <Glyph
      className={name === 'back' || name === 'submenu' ? 'sb-icon sb-icon--mirrored' : 'sb-icon'}
      aria-hidden="true"
      focusable="false"
      size="1.15em"
      strokeWidth={2}
    />
  )
}
