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
import { GafaelfawrForbiddenError } from './errors/GafaelfawrForbiddenError'
import { GafaelfawrNotFoundError } from './errors/GafaelfawrNotFoundError'
import { GafaelfawrUnauthorizedError } from './errors/GafaelfawrUnauthorizedError'
import { GafaelfawrValidationError } from './errors/GafaelfawrValidationError'
import { GafaelfawrWebError } from './errors/GafaelfawrWebError'
import { CredentialIds } from './internal/CredentialIds'
import { trimSlash } from './internal/env'
import { createHttp, getJson, type RequestFailure } from './internal/http'
import { LruBound } from './internal/LruBound'
import { assertToken, isSendable } from './internal/token'
import { assertUsername } from './internal/username'
import { type GafaelfawrLogger, silentLogger } from './logger'
import type { GafaelfawrUserByNameKey, GafaelfawrUserInfoKey } from './queryKeys'
import {
  type GafaelfawrQueryOptions,
  userInfoByNameQueryOptions,
  userInfoQueryOptions,
} from './queryOptions'
import { type GafaelfawrUserInfo, UserInfoSchema } from './schemas/UserInfoSchema'

/** Options of `new GafaelfawrClient()`; each has a default. */
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

/** The key identity of every token that cannot be sent: its query fails and sends nothing. */
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
   * @throws {RangeError} when `cacheLifetime` or `timeout` is not a positive number, or
   *   `cacheSize` not a positive integer.
   */
  constructor(options: GafaelfawrClientOptions = {}) {
    const { baseUrl, http, token, logger = silentLogger } = options
    const cacheLifetime = positive('cacheLifetime', options.cacheLifetime ?? DEFAULT_CACHE_LIFETIME)
    const cacheSize = positive('cacheSize', options.cacheSize ?? DEFAULT_CACHE_SIZE, true)
    const timeout = positive('timeout', options.timeout ?? DEFAULT_TIMEOUT)
    assertToken(token)
    this.cacheLifetime = cacheLifetime
    this.cacheSize = cacheSize
    this.#timeout = timeout
    this.#logger = logger
    this.#token = token
    this.#http = createHttp(http, timeout)
    this.#baseUrl = baseUrl && trimSlash(baseUrl)
    this.discoveryClient =
      baseUrl !== undefined
        ? undefined
        : (options.discoveryClient ??
          new DiscoveryClient({
            baseUrl: options.repertoireUrl,
            http,
            timeout,
            cacheLifetime,
            logger,
          }))
    this.#credentials = new CredentialIds(cacheSize * 2)
    this.userInfoCache = makeCache(cacheLifetime)
    this.usernameCache = makeCache(cacheLifetime)
    this.#userInfoBound = new LruBound(this.userInfoCache.getQueryCache(), cacheSize)
    this.#usernameBound = new LruBound(this.usernameCache.getQueryCache(), cacheSize)
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
    const sent = token ?? this.#token
    return userInfoQueryOptions(this.#idOf(sent), this.cacheLifetime, (signal) =>
      this.#fetch(undefined, sent, signal),
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
    const sent = token ?? this.#token
    return userInfoByNameQueryOptions(this.#idOf(sent), username, this.cacheLifetime, (signal) =>
      this.#fetch(username, sent, signal),
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
   * The opaque identity of `token` for query keys. Every token that cannot be sent shares one,
   * whose query fails with the validation error (see `#fetch`) and sends nothing, so that a hook
   * given a bad token shows an error instead of throwing during render.
   */
  #idOf(token: string | undefined): string {
    return isSendable(token) ? this.#credentials.idOf(token) : INVALID_CREDENTIAL
  }

  /** `GET {v1}/users/{username}`, or `GET {v1}/user-info` without a username. */
  async #fetch(
    username: string | undefined,
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<GafaelfawrUserInfo> {
    // Checked here too, so that a query built from bad input fails without a request.
    if (username !== undefined) assertUsername(username)
    assertToken(token)
    const path = username === undefined ? '/user-info' : `/users/${encodeURIComponent(username)}`
    const url = `${await this.resolveBaseUrl()}${path}`
    return getJson(this.#http, url, UserInfoSchema, toGafaelfawrError, {
      token,
      signal,
      timeout: this.#timeout,
    })
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
          throw new GafaelfawrError('Read cancelled by clearCache() too many times in a row')
        }
        this.#logger.debug('gafaelfawr-react: read restarted after clearCache()', {
          key: options.queryKey,
        })
      }
    }
  }
}

// A QueryClient listens to focus and reconnect only once mounted (the React provider does).
function makeCache(staleTime: number): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime, retry: false } } })
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

/** `value`, checked to be a positive finite number (or a positive integer). */
function positive(name: string, value: number, integer?: boolean): number {
  if (!((integer ? Number.isInteger : Number.isFinite)(value) && value > 0)) {
    throw new RangeError(
      `${name} must be a positive ${integer ? 'integer' : 'number'}, not ${value}`,
    )
  }
  return value
}

/** The error classes of the error replies that callers tell apart (spec §3). */
const ERROR_BY_STATUS: Partial<Record<number, typeof GafaelfawrWebError>> = {
  401: GafaelfawrUnauthorizedError,
  403: GafaelfawrForbiddenError,
  404: GafaelfawrNotFoundError,
}

/** A failed user-information request as the one typed error that says what went wrong. */
function toGafaelfawrError(failure: RequestFailure): GafaelfawrError {
  if (failure.issues) return new GafaelfawrValidationError(failure.message, failure)
  const ErrorClass = ERROR_BY_STATUS[failure.status ?? 0] ?? GafaelfawrWebError
  return new ErrorClass(failure.message, failure)
}
