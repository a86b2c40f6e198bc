import {
  type UseQueryResult,
  type UseSuspenseQueryResult,
  useQuery,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { useMemo } from 'react'
import type { GafaelfawrQueryError } from '../../client/errors/GafaelfawrQueryError'
import type { GafaelfawrQueryOptions } from '../../client/queryOptions'
import type { GafaelfawrUserInfo } from '../../client/schemas/UserInfoSchema'
import { useGafaelfawrClient } from '../useGafaelfawrClient'

type Options = GafaelfawrQueryOptions<readonly unknown[]>

/**
 * The provider's query options of the current user (`username` undefined) or of a user by
 * name, made again only when the client, the name or the token changes, and the cache of the
 * client that holds them.
 */
function useUserQueryOptions(username: string | undefined, token: string | undefined) {
  const client = useGafaelfawrClient()
  const options = useMemo(
    () =>
      (username === undefined
        ? client.userInfoQuery(token)
        : client.userInfoByNameQuery(username, token)) as unknown as Options,
    [client, username, token],
  )
  return [options, username === undefined ? client.userInfoCache : client.usernameCache] as const
}

/** The body of `useUserInfo()` and `useUserInfoByName()`. */
export function useUserQuery(
  username: string | undefined,
  token: string | undefined,
  enabled: boolean,
): UseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError> {
  const [options, cache] = useUserQueryOptions(username, token)
  return useQuery({ ...options, enabled }, cache)
}

/** The body of `useSuspenseUserInfo()` and `useSuspenseUserInfoByName()`. */
export function useSuspenseUserQuery(
  username: string | undefined,
  token: string | undefined,
): UseSuspenseQueryResult<GafaelfawrUserInfo, GafaelfawrQueryError> {
  const [options, cache] = useUserQueryOptions(username, token)
  return useSuspenseQuery(options, cache)
}
