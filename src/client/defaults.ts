/**
 * Every default of the library, in one place.
 *
 * Times are in milliseconds.
 */

/** How long user information and discovery stay fresh: 5 minutes, as in `rubin.gafaelfawr`. */
export const DEFAULT_CACHE_LIFETIME = 300_000

/** How many entries each of the two user-information caches keeps at most. */
export const DEFAULT_CACHE_SIZE = 1000

/** How long one HTTP attempt may take before it fails with a timeout. */
export const DEFAULT_TIMEOUT = 10_000

/**
 * How many times a failed request is retried: network errors, 429 and 5xx only, never another
 * 4xx. A read therefore makes at most `1 + DEFAULT_RETRY_LIMIT` requests.
 */
export const DEFAULT_RETRY_LIMIT = 2

/** Delay before the first retry; it doubles for the next one. */
export const RETRY_BASE_DELAY = 250

/** Longest back-off between two attempts when the server gives no `Retry-After`. */
export const RETRY_BACKOFF_LIMIT = 1000

/** Longest wait a `Retry-After` header may ask for; a longer one is cut to this. */
export const MAX_RETRY_AFTER = 5000

/** Environment variable read for the Repertoire base URL where `process.env` exists. */
export const REPERTOIRE_URL_ENV = 'REPERTOIRE_BASE_URL'

/** Name of the Gafaelfawr service and version in the discovery document. */
export const GAFAELFAWR_SERVICE = 'gafaelfawr'
export const GAFAELFAWR_API_VERSION = 'v1'
