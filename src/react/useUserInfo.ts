import type { UseQueryResult } from '@tanstack/react-query'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import { useUserQuery } from './internal/useUserQuery'

/** Options of `useUserInfo()`. */
export interface UseUserInfoOptions {
  /**
   * The token to send. Defaults to the provider's `token`, else the browser's session cookie.
   * It never reaches the query key: each token has its own opaque entry.
   */
  token?: string | undefined
  /** Set to `false` to send nothing for now. Defaults to `true`. */
  enabled?: boolean | undefined
}

/**
 * Information about the current user (`GET {v1}/user-info`), from the provider's cache.
 *
 * Fresh for the client's `cacheLifetime` (5 minutes by default): cached data is there on the
 * first render, with no loading state, and every component that asks shares one request.
 * Failures are not retried by TanStack (the client's HTTP layer retries what is worth it).
 *
 * @param options - `token` and `enabled`.
 * @returns The TanStack query result; `error` is one of the library's typed errors, such as
 *   `GafaelfawrUnauthorizedError` when the user is not logged in.
 * @throws {Error} when there is no `<GafaelfawrProvider>` above the component.
 * @example
 * ```tsx
 * function Greeting() {
 *   const { data: user, error, isPending } = useUserInfo()
 *   if (isPending) return <span>Loading…</span>
 *   if (error) return <span>Not logged in ({error.message})</span>
 *   return <span>Hello, {user.name ?? user.username}</span>
 * }
 * ```
 */
export function useUserInfo(
  options: UseUserInfoOptions = {},
): UseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError> {
  return useUserQuery(undefined, options.token, options.enabled ?? true)
}
