import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky'
import {
  DEFAULT_RETRY_LIMIT,
  MAX_RETRY_AFTER,
  RETRY_BACKOFF_LIMIT,
  RETRY_BASE_DELAY,
} from '../defaults'

/** 429 and every 5xx: the only statuses worth another attempt. */
const RETRY_STATUS_CODES = [429, ...Array.from({ length: 100 }, (_, i) => 500 + i)]

/**
 * The one ky instance of a client, with the library's retry policy: network errors, 429 and
 * 5xx, at most `DEFAULT_RETRY_LIMIT` retries with a short back-off, `Retry-After` honoured up
 * to `MAX_RETRY_AFTER`; timeouts and other 4xx are never retried. TanStack's own retry is off
 * (see queryOptions), so this is the only layer that retries.
 */
export function createHttp(base: KyInstance | undefined, timeout: number): KyInstance {
  return (base ?? ky).extend({
    timeout,
    throwHttpErrors: true,
    retry: {
      limit: DEFAULT_RETRY_LIMIT,
      methods: ['get'],
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: MAX_RETRY_AFTER,
      backoffLimit: RETRY_BACKOFF_LIMIT,
      delay: (attempt) => RETRY_BASE_DELAY * 2 ** (attempt - 1),
      retryOnTimeout: false,
      shouldRetry: ({ error }) => {
        if (error instanceof HTTPError) return undefined
        if (error instanceof TimeoutError || isAbortError(error)) return false
        // Anything else is a failure to get a reply at all: a network error.
        return true
      },
    },
  })
}

/** What became of one GET: a 2xx reply's text, or why there was none. */
export type HttpResult =
  | { kind: 'reply'; status: number; text: string; contentType: string | null }
  | { kind: 'error-reply'; status: number; text: string }
  | { kind: 'timeout' }
  | { kind: 'network'; cause: unknown }

export interface GetOptions {
  token?: string | undefined
  signal?: AbortSignal | undefined
}

/**
 * GET `url` and read the whole body. Never throws for HTTP or network failures (they are
 * results, mapped to typed errors by the caller); rethrows an abort caused by `signal`.
 */
export async function get(
  http: KyInstance,
  url: string,
  options: GetOptions = {},
): Promise<HttpResult> {
  const { token, signal } = options
  try {
    const response = await http.get(url, {
      headers:
        token === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', Authorization: `Bearer ${token}` },
      // Gafaelfawr checks the session cookie before the Authorization header (spec §2), so a
      // request that carries a token must not carry the cookie.
      credentials: token === undefined ? 'same-origin' : 'omit',
      signal,
    })
    return {
      kind: 'reply',
      status: response.status,
      text: await response.text(),
      contentType: response.headers.get('content-type'),
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error
    if (error instanceof HTTPError) {
      return {
        kind: 'error-reply',
        status: error.response.status,
        text: await safeText(error.response),
      }
    }
    if (error instanceof TimeoutError) return { kind: 'timeout' }
    return { kind: 'network', cause: stripRequest(error) }
  }
}

async function safeText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch {
    return ''
  }
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/**
 * A network error from fetch carries no request, but be sure: an error that holds a `request`
 * (and so its Authorization header) is reduced to its message before it is kept as a cause.
 */
function stripRequest(error: unknown): unknown {
  if (error && typeof error === 'object' && 'request' in error) {
    return new Error(error instanceof Error ? error.message : 'request failed')
  }
  return error
}
