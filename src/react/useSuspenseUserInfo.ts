import type { UseSuspenseQueryResult } from '@tanstack/react-query'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import { useSuspenseUserQuery } from './internal/useUserQuery'

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
  return useSuspenseUserQuery(undefined, options.token)
}
