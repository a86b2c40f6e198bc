import type { UseQueryResult } from '@tanstack/react-query'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import { useUserQuery } from './internal/useUserQuery'

/** Options of `useUserInfoByName()`. */
export interface UseUserInfoByNameOptions {
  /**
   * The token to send, usually one with the `admin:userinfo` scope. Defaults to the provider's
   * `token`, else the browser's session cookie. It never reaches the query key.
   */
  token?: string | undefined
  /** Set to `false` to send nothing for now. Defaults to `true`. */
  enabled?: boolean | undefined
}

/**
 * Information about the user `username` (`GET {v1}/users/{username}`), from the provider's
 * by-name cache.
 *
 * An empty or undefined `username` keeps the query idle (`fetchStatus` `'idle'`, nothing sent),
 * so a form can pass what is typed so far. A name that breaks Gafaelfawr's rule fails with
 * `GafaelfawrValidationError` without a request. A deployment without LDAP answers every
 * lookup with 404: expect `GafaelfawrNotFoundError`.
 *
 * @param username - The user to look up; empty or undefined to wait.
 * @param options - `token` and `enabled`.
 * @returns The TanStack query result, with the library's typed errors.
 * @throws {Error} when there is no `<GafaelfawrProvider>` above the component.
 * @example
 * ```tsx
 * function Owner({ username }: { username: string }) {
 *   const { data: owner, error } = useUserInfoByName(username, { token: serviceToken })
 *   if (error) return <span>{username}</span>
 *   return <span>{owner?.name ?? username}</span>
 * }
 * ```
 */
export function useUserInfoByName(
  username: string | null | undefined,
  options: UseUserInfoByNameOptions = {},
): UseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError> {
  const name = username ?? ''
  return useUserQuery(name, options.token, (options.enabled ?? true) && name !== '')
}
