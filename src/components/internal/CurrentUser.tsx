import type { ReactNode } from 'react'
import type { GafaelfawrQueryError } from '../../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../../client/schemas/UserInfoSchema'
import { useUserInfo } from '../../react/useUserInfo'

/** What a component renders while the current user is loading, or when the read failed. */
export interface CurrentUserStates {
  /** Shown while the user is loading. */
  loading: () => ReactNode
  /** Shown when the read failed and nothing is cached. */
  error: (error: GafaelfawrQueryError) => ReactNode
}

/** Props of `<CurrentUser>`. */
export interface CurrentUserProps extends CurrentUserStates {
  /** The token to send; defaults to the provider's, else the session cookie. */
  token?: string | undefined
  /** Rendered with the user once known. */
  children: (user: GafaelfawrUserInfo) => ReactNode
}

/**
 * Reads the current user with `useUserInfo()` and renders one of three states. Data already
 * shown stays shown when a background refetch fails: the error is only for a read that has
 * nothing to show.
 *
 * @param props - The token and the three renderers.
 * @returns What the state calls for.
 * @throws {Error} when there is no `<GafaelfawrProvider>` above the component.
 */
export function CurrentUser({ token, loading, error, children }: CurrentUserProps): ReactNode {
  const query = useUserInfo({ token })
  if (query.data !== undefined) return children(query.data)
  if (query.error) return error(query.error)
  return loading()
}
