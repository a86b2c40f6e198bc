import { useCallback } from 'react'
import { useGafaelfawrClient } from './useGafaelfawrClient'

/**
 * A function that empties both caches of the provider's client, for when the user's groups or
 * quotas changed (after a group membership change, say). Mounted hooks fetch again; a fetch in
 * flight when it is called never lands; once its promise resolves, no component is served data
 * fetched before the call. The function is stable for as long as the client is.
 *
 * @returns `() => Promise<void>`, which calls `client.clearCache()`.
 * @throws {Error} when there is no `<GafaelfawrProvider>` above the component.
 * @example
 * ```tsx
 * function JoinGroup({ group }: { group: string }) {
 *   const clearCache = useClearGafaelfawrCache()
 *   const onClick = async () => {
 *     await joinGroup(group)
 *     await clearCache()
 *   }
 *   return <button onClick={onClick}>Join {group}</button>
 * }
 * ```
 */
export function useClearGafaelfawrCache(): () => Promise<void> {
  const client = useGafaelfawrClient()
  return useCallback(() => client.clearCache(), [client])
}
