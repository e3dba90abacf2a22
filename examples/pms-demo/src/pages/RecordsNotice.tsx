import { useMe, usePermission } from '@switchboard/react'

/**
 * In this demo the client records come from the SMS server (a real PMS reads its own database),
 * which staff without the messaging permission may not read: said plainly instead of failing rows.
 */
export function RecordsNotice() {
  const { data: me } = useMe()
  const allowed = usePermission('messaging')
  if (!me || allowed) return null
  return (
    <p className="pms-notice" role="note">
      {me.user.name} has no messaging access. In this demo client records are read from the messaging server, so they
      are hidden too; sign in as someone else to see them.
    </p>
  )
}
