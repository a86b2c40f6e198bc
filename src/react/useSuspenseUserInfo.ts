import { type UseSuspenseQueryResult, useSuspenseQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfoKey } from '../client/queryKeys'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import { useGafaelfawrClient } from './useGafaelfawrClient'

/** Options of `useSuspenseUserInfo()`. */
export interface UseSuspenseUserInfoOptions {
  /** The token to send. Defaults to the provider's `token`, else the session cookie. */
  token?: string | undefined
}

/**
 * Information about the current user, for React Suspense: the component suspends until the
 * user is known, and a failure (with nothing cached) is thrown to the nearest error boundary.
 *
 * @param options - `token`.
 * @returns The TanStack suspense query result: `data` is always the user.
 * @throws {GafaelfawrQueryError} to the nearest error boundary when the read fails.
 * @throws {Error} when there is no `<GafaelfawrProvider>` above the component.
 * @example
 * ```tsx
 * function Name() {
 *   const { data: user } = useSuspenseUserInfo()
 *   return <span>{user.username}</span>
 * }
 *
 * <ErrorBoundary fallback={<LogIn />}>
 *   <Suspense fallback={<Spinner />}>
 *     <Name />
 *   </Suspense>
 * </ErrorBoundary>
 * ```
 */
export function useSuspenseUserInfo(
  options: UseSuspenseUserInfoOptions = {},
): UseSuspenseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError> {
  const client = useGafaelfawrClient()
  const { token } = options
  const query = useMemo(() => client.userInfoQuery(token), [client, token])
  return useSuspenseQuery<
    GafaelfawrUserInfo,
    GafaelfawrQueryError,
    GafaelfawrUserInfo,
    GafaelfawrUserInfoKey
  >(query, client.userInfoCache)
}
