import type { KyInstance } from 'ky'
import { DEFAULT_CACHE_LIFETIME, DEFAULT_TIMEOUT, REPERTOIRE_URL_ENV } from './defaults'
import { RepertoireUrlError } from './errors/RepertoireUrlError'
import { RepertoireValidationError } from './errors/RepertoireValidationError'
import { RepertoireWebError } from './errors/RepertoireWebError'
import { readEnv, trimSlash } from './internal/env'
import { createHttp, getJson, type RequestFailure } from './internal/http'
import { type GafaelfawrLogger, silentLogger } from './logger'
import { type Discovery, DiscoverySchema } from './schemas/DiscoverySchema'

/** Options of `new DiscoveryClient()`; each has a default. */
export interface DiscoveryClientOptions {
  /**
   * Repertoire's base URL, such as `https://data.example.com/repertoire`. Defaults to the
   * `REPERTOIRE_BASE_URL` environment variable where `process.env` exists.
   */
  baseUrl?: string | undefined
  /** A ky instance to send requests with; the library's timeout and retry policy are added. */
  http?: KyInstance | undefined
  /** How long a discovery document is used before it is fetched again. Defaults to 5 minutes. */
  cacheLifetime?: number | undefined
  /** Timeout of one attempt. Defaults to 10 s. */
  timeout?: number | undefined
  /** Where refreshes, stale fallbacks and failures are reported. Silent by default. */
  logger?: GafaelfawrLogger | undefined
}

interface CachedDocument {
  discovery: Discovery
  fetchedAt: number
}

/**
 * Client of Repertoire, the Rubin Science Platform's service discovery.
 *
 * The document is cached for `cacheLifetime`; concurrent callers share one request; when a
 * refresh fails and an older document exists, the older one is returned and a warning logged.
 *
 * @example
 * ```ts
 * const discovery = new DiscoveryClient({ baseUrl: 'https://data.example.com/repertoire' })
 * const url = await discovery.urlForInternal('gafaelfawr', { version: 'v1' })
 * ```
 */
export class DiscoveryClient {
  readonly baseUrl: string
  readonly #http: KyInstance
  readonly #cacheLifetime: number
  readonly #timeout: number
  readonly #logger: GafaelfawrLogger
  #cached: CachedDocument | undefined
  #inflight: Promise<Discovery> | undefined
  #generation = 0

  /** @throws {RepertoireUrlError} when neither `baseUrl` nor `REPERTOIRE_BASE_URL` is set. */
  constructor(options: DiscoveryClientOptions = {}) {
    const baseUrl = options.baseUrl ?? readEnv(REPERTOIRE_URL_ENV)
    if (!baseUrl) {
      throw new RepertoireUrlError(
        `No Repertoire URL: pass baseUrl/repertoireUrl or set ${REPERTOIRE_URL_ENV}`,
      )
    }
    this.baseUrl = trimSlash(baseUrl)
    this.#timeout = options.timeout ?? DEFAULT_TIMEOUT
    this.#http = createHttp(options.http, this.#timeout)
    this.#cacheLifetime = options.cacheLifetime ?? DEFAULT_CACHE_LIFETIME
    this.#logger = options.logger ?? silentLogger
  }

  /**
   * The discovery document, from the cache while it is fresh.
   *
   * @throws {RepertoireWebError} when Repertoire cannot be reached or answers non-2xx, and no
   *   older document is cached.
   * @throws {RepertoireValidationError} when the reply is not a discovery document, and no
   *   older document is cached.
   */
  async getDiscovery(): Promise<Discovery> {
    const cached = this.#cached
    if (cached && Date.now() - cached.fetchedAt < this.#cacheLifetime) return cached.discovery
    this.#inflight ??= this.#refresh()
    return this.#inflight
  }

  /**
   * URL of an internal API service, of one of its versions when `version` is given; null when
   * discovery does not list it.
   */
  async urlForInternal(
    service: string,
    options: { version?: string } = {},
  ): Promise<string | null> {
    const entry = (await this.getDiscovery()).services.internal[service]
    if (!entry) return null
    if (options.version === undefined) return entry.url
    return entry.versions[options.version]?.url ?? null
  }

  /** URL of a user-facing web application; null when discovery does not list it. */
  async urlForUi(service: string): Promise<string | null> {
    return (await this.getDiscovery()).services.ui[service]?.url ?? null
  }

  /** Forgets the cached document, so the next call fetches it again. */
  async clearCache(): Promise<void> {
    this.#generation += 1
    this.#cached = undefined
    this.#inflight = undefined
  }

  /** Fetches the document; concurrent callers share this one request (`#inflight`). */
  async #refresh(): Promise<Discovery> {
    const generation = this.#generation
    const url = `${this.baseUrl}/discovery`
    try {
      const discovery = await getJson(this.#http, url, DiscoverySchema, toRepertoireError, {
        timeout: this.#timeout,
      })
      // A document requested before clearCache() is returned to its callers but not kept.
      if (generation === this.#generation) this.#cached = { discovery, fetchedAt: Date.now() }
      this.#logger.debug('gafaelfawr-react: discovery refreshed', { url })
      return discovery
    } catch (failure) {
      // Always one of the typed errors of toRepertoireError().
      const error = (failure as Error).message
      const stale = this.#cached
      if (stale) {
        this.#logger.warn('gafaelfawr-react: discovery failed, using older copy', {
          url,
          error,
          ageMs: Date.now() - stale.fetchedAt,
        })
        return stale.discovery
      }
      this.#logger.error('gafaelfawr-react: discovery failed', { url, error })
      throw failure
    } finally {
      // clearCache() already let go of a request it outdated, and a newer one may be running.
      if (generation === this.#generation) this.#inflight = undefined
    }
  }
}

/** A failed discovery request as a typed error: a reply that is not valid, or a failure. */
function toRepertoireError(failure: RequestFailure): Error {
  return failure.issues
    ? new RepertoireValidationError(failure.message, failure)
    : new RepertoireWebError(failure.message, failure)
}
