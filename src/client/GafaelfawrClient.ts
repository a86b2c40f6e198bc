import { isCancelledError, QueryClient } from '@tanstack/query-core'
import type { KyInstance } from 'ky'
import { DiscoveryClient } from './DiscoveryClient'
import {
  DEFAULT_CACHE_LIFETIME,
  DEFAULT_CACHE_SIZE,
  DEFAULT_TIMEOUT,
  GAFAELFAWR_API_VERSION,
  GAFAELFAWR_SERVICE,
} from './defaults'
import { GafaelfawrDiscoveryError } from './errors/GafaelfawrDiscoveryError'
import { GafaelfawrError } from './errors/GafaelfawrError'
import { CredentialIds } from './internal/CredentialIds'
import { trimSlash } from './internal/env'
import { createHttp, get } from './internal/http'
import { LruBound } from './internal/LruBound'
import { parseUserInfoReply } from './internal/parseUserInfoReply'
import { assertToken } from './internal/token'
import { assertUsername } from './internal/username'
import { type GafaelfawrLogger, silentLogger } from './logger'
import type { GafaelfawrUserByNameKey, GafaelfawrUserInfoKey } from './queryKeys'
import {
  type GafaelfawrQueryOptions,
  userInfoByNameQueryOptions,
  userInfoQueryOptions,
} from './queryOptions'
import type { GafaelfawrUserInfo } from './schemas/UserInfoSchema'

export interface GafaelfawrClientOptions {
  /**
   * Repertoire's base URL, used to find Gafaelfawr. Defaults to the `REPERTOIRE_BASE_URL`
   * environment variable where `process.env` exists. Ignored when `baseUrl` or
   * `discoveryClient` is given.
   */
  repertoireUrl?: string | undefined
  /**
   * The Gafaelfawr v1 API URL, such as `https://data.example.com/auth/api/v1` (or, in a browser
   * on the same origin, `/auth/api/v1`). Skips service discovery.
   */
  baseUrl?: string | undefined
  /** A discovery client to share with the rest of the application. */
  discoveryClient?: DiscoveryClient | undefined
  /** A ky instance to send requests with; the library's timeout and retry policy are added. */
  http?: KyInstance | undefined
  /**
   * The token to send when a call names none. Without one, requests carry the browser's
   * session cookie (same origin), as the Gafaelfawr API has no CORS.
   */
  token?: string | undefined
  /** Timeout of one HTTP attempt, in milliseconds. Defaults to 10 000. */
  timeout?: number | undefined
  /** How long user information stays fresh, in milliseconds. Defaults to 300 000 (5 minutes). */
  cacheLifetime?: number | undefined
  /** Most entries each of the two caches keeps (least recently used out). Defaults to 1000. */
  cacheSize?: number | undefined
  /** Where discovery refreshes, stale fallbacks and failures are reported. Silent by default. */
  logger?: GafaelfawrLogger | undefined
}

interface Credential {
  id: string
  token: string | undefined
  problem: Error | undefined
}

const INVALID_CREDENTIAL = 'invalid-token'

/** How often a read starts again when clearCache() cancels the fetch it was waiting on. */
const MAX_RESTARTS = 5

/**
 * Client of the Gafaelfawr user-information API, the TypeScript counterpart of
 * `rubin.gafaelfawr.GafaelfawrClient`.
 *
 * It holds two bounded caches, as TanStack `QueryClient`s: `userInfoCache` (the caller's own
 * user, by credential) and `usernameCache` (users by name, by asking credential and name).
 * Node callers, React hooks and `clearCache()` all use these same caches.
 *
 * @example
 * ```ts
 * const gafaelfawr = new GafaelfawrClient({ repertoireUrl: 'https://data.example.com/repertoire' })
 * const user = await gafaelfawr.getUserInfo(delegatedToken)
 * ```
 */
export class GafaelfawrClient {
  /** Cache of the caller's own user information, keyed by credential. */
  readonly userInfoCache: QueryClient
  /** Cache of user information by name, keyed by asking credential and username. */
  readonly usernameCache: QueryClient
  /** The discovery client in use; undefined when `baseUrl` was given. */
  readonly discoveryClient: DiscoveryClient | undefined
  /** How long user information stays fresh, in milliseconds. */
  readonly cacheLifetime: number
  /** Most entries each cache keeps. */
  readonly cacheSize: number

  readonly #baseUrl: string | undefined
  readonly #http: KyInstance
  readonly #token: string | undefined
  readonly #timeout: number
  readonly #logger: GafaelfawrLogger
  readonly #credentials: CredentialIds
  readonly #userInfoBound: LruBound
  readonly #usernameBound: LruBound

  /**
   * @throws {RepertoireUrlError} when there is no `baseUrl`, no `discoveryClient`, no
   *   `repertoireUrl` and no `REPERTOIRE_BASE_URL`.
   * @throws {RangeError} when `cacheSize`, `cacheLifetime` or `timeout` is not a positive number.
   */
  constructor(options: GafaelfawrClientOptions = {}) {
    this.cacheLifetime = positive('cacheLifetime', options.cacheLifetime ?? DEFAULT_CACHE_LIFETIME)
    this.cacheSize = positive('cacheSize', options.cacheSize ?? DEFAULT_CACHE_SIZE)
    this.#timeout = positive('timeout', options.timeout ?? DEFAULT_TIMEOUT)
    this.#logger = options.logger ?? silentLogger
    assertToken(options.token)
    this.#token = options.token
    this.#http = createHttp(options.http, this.#timeout)
    this.#baseUrl = options.baseUrl === undefined ? undefined : trimSlash(options.baseUrl)
    this.discoveryClient =
      this.#baseUrl !== undefined
        ? undefined
        : (options.discoveryClient ??
          new DiscoveryClient({
            baseUrl: options.repertoireUrl,
            http: options.http,
            timeout: this.#timeout,
            cacheLifetime: this.cacheLifetime,
            logger: this.#logger,
          }))
    this.#credentials = new CredentialIds(this.cacheSize * 2)
    this.userInfoCache = makeCache(this.cacheLifetime)
    this.usernameCache = makeCache(this.cacheLifetime)
    this.#userInfoBound = new LruBound(this.userInfoCache.getQueryCache(), this.cacheSize)
    this.#usernameBound = new LruBound(this.usernameCache.getQueryCache(), this.cacheSize)
  }

  /**
   * Information about the user the token belongs to: `GET {v1}/user-info`.
   *
   * @param token - The token to send; defaults to the client's, else the session cookie.
   * @throws {GafaelfawrUnauthorizedError} when the credentials are missing or invalid (401).
   * @throws {GafaelfawrWebError} for any other failure to get a reply.
   * @throws {GafaelfawrValidationError} when the reply is not valid user information.
   * @throws {GafaelfawrDiscoveryError} when discovery does not list Gafaelfawr.
   */
  async getUserInfo(token?: string): Promise<GafaelfawrUserInfo> {
    assertToken(token ?? this.#token)
    const options = this.userInfoQuery(token)
    return this.#read(this.userInfoCache, this.#userInfoBound, options)
  }

  /**
   * Information about the user `username`: `GET {v1}/users/{username}`. Needs a token with
   * `admin:userinfo`, or the user's own credentials. A user unknown to LDAP comes back with
   * only a username; a deployment without LDAP answers 404.
   *
   * @throws {GafaelfawrValidationError} before any request when `username` breaks
   *   Gafaelfawr's rule.
   * @throws {GafaelfawrNotFoundError} when the deployment has no by-name lookups (404).
   * @throws {GafaelfawrForbiddenError} when the token may not see other users (403).
   */
  async getUserInfoByName(username: string, token?: string): Promise<GafaelfawrUserInfo> {
    assertUsername(username)
    assertToken(token ?? this.#token)
    const options = this.userInfoByNameQuery(username, token)
    return this.#read(this.usernameCache, this.#usernameBound, options)
  }

  /** Query options of the current user, for `useQuery(options, client.userInfoCache)`. */
  userInfoQuery(token?: string): GafaelfawrQueryOptions<GafaelfawrUserInfoKey> {
    const credential = this.#credential(token)
    return userInfoQueryOptions(credential.id, this.cacheLifetime, (signal) =>
      this.#fetch('/user-info', credential, signal),
    )
  }

  /**
   * Query options of a user by name, for `useQuery(options, client.usernameCache)`. An
   * invalid username gives options whose query fails with `GafaelfawrValidationError` and
   * sends nothing.
   */
  userInfoByNameQuery(
    username: string,
    token?: string,
  ): GafaelfawrQueryOptions<GafaelfawrUserByNameKey> {
    const credential = this.#credential(token)
    return userInfoByNameQueryOptions(
      credential.id,
      username,
      this.cacheLifetime,
      async (signal) => {
        assertUsername(username)
        return this.#fetch(`/users/${encodeURIComponent(username)}`, credential, signal)
      },
    )
  }

  /**
   * Empties both caches. Mounted queries are reset and fetched again; a fetch in flight when
   * it is called is cancelled and can never land. Once the promise resolves, no call and no
   * hook is served data fetched before the call.
   */
  async clearCache(): Promise<void> {
    await Promise.all([resetCache(this.userInfoCache), resetCache(this.usernameCache)])
  }

  /**
   * The Gafaelfawr v1 API URL: `baseUrl`, or what discovery says. The React provider calls it
   * on mount so that discovery does not wait for the first hook.
   *
   * @throws {GafaelfawrDiscoveryError} when discovery does not list Gafaelfawr v1.
   * @throws {RepertoireError} when discovery fails and no older document is cached.
   */
  async resolveBaseUrl(): Promise<string> {
    if (this.#baseUrl !== undefined) return this.#baseUrl
    const discovery = this.discoveryClient as DiscoveryClient
    const url = await discovery.urlForInternal(GAFAELFAWR_SERVICE, {
      version: GAFAELFAWR_API_VERSION,
    })
    if (url === null) {
      throw new GafaelfawrDiscoveryError(
        `${GAFAELFAWR_SERVICE} (${GAFAELFAWR_API_VERSION}) service not found in service discovery`,
      )
    }
    return trimSlash(url)
  }

  /**
   * The token to send and its opaque identity. A token that cannot be sent gets a shared
   * identity whose query fails with the validation error and sends nothing, so that a hook
   * given a bad token shows an error instead of throwing during render.
   */
  #credential(token: string | undefined): Credential {
    const value = token ?? this.#token
    try {
      assertToken(value)
    } catch (error) {
      return { id: INVALID_CREDENTIAL, token: undefined, problem: error as Error }
    }
    return { id: this.#credentials.idOf(value), token: value, problem: undefined }
  }

  async #fetch(
    path: string,
    credential: Credential,
    signal: AbortSignal,
  ): Promise<GafaelfawrUserInfo> {
    if (credential.problem) throw credential.problem
    const { token } = credential
    const url = `${await this.resolveBaseUrl()}${path}`
    const result = await get(this.#http, url, { token, signal })
    return parseUserInfoReply(result, { method: 'GET', url, token, timeout: this.#timeout })
  }

  async #read<TKey extends readonly unknown[]>(
    cache: QueryClient,
    bound: LruBound,
    options: GafaelfawrQueryOptions<TKey>,
  ): Promise<GafaelfawrUserInfo> {
    for (let restart = 0; ; restart++) {
      try {
        const user = await cache.query(options)
        bound.touch(options.queryKey)
        return user
      } catch (error) {
        // clearCache() cancelled the fetch this read waited on: read again, from the network.
        if (!isCancelledError(error)) throw error
        if (restart >= MAX_RESTARTS) {
          throw new GafaelfawrError(
            'The read was cancelled by clearCache() too many times in a row',
          )
        }
        this.#logger.debug('gafaelfawr-react: read restarted after clearCache()', {
          key: options.queryKey,
        })
      }
    }
  }
}

function makeCache(staleTime: number): QueryClient {
  const cache = new QueryClient({ defaultOptions: { queries: { staleTime, retry: false } } })
  // A QueryClient listens to focus and reconnect only once mounted.
  return cache
}

/**
 * Removes what nothing shows and resets the rest: observers see the reset and fetch again, and
 * a fetch in flight is cancelled, so its result can never land. `clear()` alone would strand
 * mounted observers on old data, and `invalidateQueries()` would let the in-flight result land.
 */
function resetCache(cache: QueryClient): Promise<void> {
  cache.removeQueries({ predicate: (query) => query.getObserversCount() === 0 })
  return cache.resetQueries()
}

function positive(name: string, value: number): number {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new RangeError(
      `${name} must be a positive number of ${name === 'cacheSize' ? 'entries' : 'milliseconds'}, not ${value}`,
    )
  }
  return value
}
