import { useInboxClient } from '@switchboard/react'
import { useQuery } from '@tanstack/react-query'

/**
 * A client's record. In a real PMS it comes from the PMS's own database; here the reference
 * server's seeded clients stand in for it, read through the inbox client's query.
 */
export function useClientRecord(id: string) {
  const client = useInboxClient()
  return useQuery(client.queries.client(id), client.queryClient)
}
