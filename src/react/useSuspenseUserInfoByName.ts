import type { UseSuspenseQueryResult } from '@tanstack/react-query'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import { useSuspenseUserQuery } from './internal/useUserQuery'

/** Options of `useSuspenseUserInfoByName()`. */
export interface UseSuspenseUserInfoByNameOptions {
  /** The token to send, usually one with `admin:userinfo`. Defaults to the provider's. */
  token?: string | undefined
}

/**
 * Information about the user `username`, for React Suspense. A Suspense query cannot wait, so
 * an empty or invalid `username` fails with `GafaelfawrValidationError` (thrown to the error
 * boundary) without a request; use `useUserInfoByName()` for a name that is still being typed.
 *
 * @param username - The user to look up.
 * @param options - `token`.
 * @returns The TanStack suspense query result: `data` is always the user.
 * @throws {GafaelfawrQueryError} to the nearest error boundary when the read fails.
 * @throws {Error} when there is no `<GafaelfawrProvider>` above the component.
 * @example
 * ```tsx
 * function Owner({ username }: { username: string }) {
 *   const { data: owner } = useSuspenseUserInfoByName(username, { token: serviceToken })
 *   return <span>{owner.name ?? owner.username}</span>
 * }
 * ```
 */
export function useSuspenseUserInfoByName(
  username: string,
  options: UseSuspenseUserInfoByNameOptions = {},
): UseSuspenseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError> {
  return useSuspenseUserQuery(username, options.token)
}
