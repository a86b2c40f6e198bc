import type { DataTag, QueryFunctionContext } from '@tanstack/query-core'
import type { GafaelfawrQueryError } from './errors/GafaelfawrQueryError'
import {
  type GafaelfawrUserByNameKey,
  type GafaelfawrUserInfoKey,
  gafaelfawrKeys,
} from './queryKeys'
import type { GafaelfawrUserInfo } from './schemas/UserInfoSchema'

/**
 * Options of a user-information query, for `useQuery(options, client.userInfoCache)` or
 * `queryClient.query(options)`. The key is tagged with the data and error types, as
 * `queryOptions()` of @tanstack/react-query does.
 */
export interface GafaelfawrQueryOptions<TKey extends readonly unknown[]> {
  queryKey: DataTag<TKey, GafaelfawrUserInfo, GafaelfawrQueryError>
  /** Reads the user through the client (discovery, HTTP, validation, typed errors). */
  queryFn: (context: QueryFunctionContext<TKey>) => Promise<GafaelfawrUserInfo>
  /** Fresh for the client's `cacheLifetime`. */
  staleTime: number
  /** Off: the client's HTTP layer is the only one that retries. */
  retry: false
}

/** Builds the options of the current user's query for one credential. */
export function userInfoQueryOptions(
  credential: string,
  staleTime: number,
  fetchUserInfo: (signal: AbortSignal) => Promise<GafaelfawrUserInfo>,
): GafaelfawrQueryOptions<GafaelfawrUserInfoKey> {
  return build(gafaelfawrKeys.userInfoFor(credential), staleTime, fetchUserInfo)
}

/** Builds the options of a by-name query for one asking credential and one username. */
export function userInfoByNameQueryOptions(
  credential: string,
  username: string,
  staleTime: number,
  fetchUserInfo: (signal: AbortSignal) => Promise<GafaelfawrUserInfo>,
): GafaelfawrQueryOptions<GafaelfawrUserByNameKey> {
  return build(gafaelfawrKeys.userByName(credential, username), staleTime, fetchUserInfo)
}

function build<TKey extends readonly unknown[]>(
  queryKey: TKey,
  staleTime: number,
  fetchUserInfo: (signal: AbortSignal) => Promise<GafaelfawrUserInfo>,
): GafaelfawrQueryOptions<TKey> {
  return {
    queryKey: queryKey as GafaelfawrQueryOptions<TKey>['queryKey'],
    queryFn: ({ signal }) => fetchUserInfo(signal),
    staleTime,
    retry: false,
  }
}
