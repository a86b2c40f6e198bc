import { useContext } from 'react'
import type { GafaelfawrClient } from '../client/GafaelfawrClient'
import { GafaelfawrContext } from './GafaelfawrContext'

/**
 * The client of the nearest `<GafaelfawrProvider>`, for calls the hooks do not cover, such as
 * `getUserInfo()` in an event handler or `dehydrate(client.userInfoCache)`.
 *
 * @returns The provider's client.
 * @throws {Error} when there is no `<GafaelfawrProvider>` above the component.
 * @example
 * ```tsx
 * function CopyGroups() {
 *   const gafaelfawr = useGafaelfawrClient()
 *   const onClick = async () => {
 *     const { groups } = await gafaelfawr.getUserInfo()
 *     await navigator.clipboard.writeText(groups.map((group) => group.name).join('\n'))
 *   }
 *   return <button onClick={onClick}>Copy my groups</button>
 * }
 * ```
 */
export function useGafaelfawrClient(): GafaelfawrClient {
  const client = useContext(GafaelfawrContext)
  if (client === undefined) {
    throw new Error('useGafaelfawrClient must be used inside <GafaelfawrProvider>')
  }
  return client
}
