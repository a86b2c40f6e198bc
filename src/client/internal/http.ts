import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky'
import type * as z from 'zod/mini'
import {
  DEFAULT_RETRY_LIMIT,
  MAX_RETRY_AFTER,
  RETRY_BACKOFF_LIMIT,
  RETRY_BASE_DELAY,
} from '../defaults'
import type { ValidationIssue } from '../errors/GafaelfawrValidationError'
import type { GafaelfawrErrorDetail } from '../errors/GafaelfawrWebError'

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
      // Only GETs are sent, and ky retries GETs.
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: MAX_RETRY_AFTER,
      backoffLimit: RETRY_BACKOFF_LIMIT,
      delay: (attempt) => RETRY_BASE_DELAY * 2 ** (attempt - 1),
      // An HTTP error goes on to the status rules above; a timeout or an abort is final (this
      // answer comes before ky's own `retryOnTimeout`); anything else is a failure to get a
      // reply at all (a network error), worth a retry.
      shouldRetry: ({ error }) =>
        error instanceof HTTPError
          ? undefined
          : !(error instanceof TimeoutError || error.name === 'AbortError'),
    },
  })
}

/**
 * What a failed GET becomes: the fields of the typed error that each client raises, with a
 * message that says what failed and where (never the token).
 */
export interface RequestFailure {
  message: string
  method: 'GET'
  url: string
  /** The status of an error reply; undefined when there was no reply or it was a 2xx. */
  status?: number
  /** The body of an error reply, the token redacted. */
  body?: string
  /** The FastAPI `detail` of a JSON error reply. */
  detail?: GafaelfawrErrorDetail
  /** Set when a 2xx reply was not valid: what was wrong with it, field by field. */
  issues?: ValidationIssue[]
  /** The network error, for a failure to get a reply. */
  cause?: unknown
}

/** How `getJson()` sends its request. */
export interface GetJsonOptions {
  /** The token to send; the session cookie (same origin) when undefined. */
  token?: string | undefined
  /** Aborts the request; the abort is rethrown as it is, not turned into a failure. */
  signal?: AbortSignal | undefined
  /** The timeout of the ky instance, for the message of a timeout. */
  timeout: number
}

const REDACTED = '[redacted]'

/**
 * GET `url` and return its JSON reply, checked by `schema` (defaults restored). This is the one
 * place that turns every failure (no reply, timeout, non-2xx, a body that is not JSON or not
 * valid) into a `RequestFailure`, which is thrown as `toError(failure)`: the caller's class.
 *
 * @throws what `toError` returns, or the reason of an abort caused by `options.signal`.
 */
export async function getJson<T>(
  http: KyInstance,
  url: string,
  schema: z.ZodMiniType<T>,
  toError: (failure: RequestFailure) => Error,
  options: GetJsonOptions,
): Promise<T> {
  const { token, signal } = options
  // Every failure names the request; the token is never part of it.
  const fail = (what: string, fields?: Partial<RequestFailure>) =>
    toError({ message: `GET ${url} ${what}`, method: 'GET', url, ...fields })
  let response: Response
  let text: string
  try {
    response = await http.get(url, {
      headers: {
        Accept: 'application/json',
        ...(token !== undefined && { Authorization: `Bearer ${token}` }),
      },
      // Gafaelfawr checks the session cookie before the Authorization header (spec §2), so a
      // request that carries a token must not carry the cookie.
      credentials: token === undefined ? 'same-origin' : 'omit',
      signal,
    })
    text = await response.text()
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error
    if (error instanceof HTTPError) {
      const { status } = error.response
      const body = redact(await error.response.text().catch(() => ''), token)
      const detail = parseDetail(body)
      throw fail(`failed with ${status}${summary(detail)}`, { status, body, detail })
    }
    if (error instanceof TimeoutError) throw fail(`timed out after ${options.timeout} ms`)
    // A network error from fetch carries no request, but be sure: an error that holds one
    // (and so its Authorization header) is reduced to its message before it is kept.
    const cause =
      error && typeof error === 'object' && 'request' in error
        ? new Error(error instanceof Error ? error.message : 'request failed')
        : error
    throw fail(`failed: ${reasonOf(cause)}`, { cause })
  }
  let issues: ValidationIssue[]
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
    issues = parsed.error.issues.map(({ path, message }) => ({ path, message }))
  } catch {
    // JSON.parse() failed: an HTML login page from a proxy, say.
    const type = response.headers.get('content-type')
    issues = [{ path: [], message: `not JSON (${response.status}, content type ${type})` }]
  }
  throw fail(`answered with an invalid reply: ${describeIssues(issues)}`, { issues })
}

/** The body with every copy of the token replaced, as sent and as escaped in a JSON string. */
function redact(body: string, token: string | undefined): string {
  if (!token) return body
  return body.split(token).join(REDACTED).split(JSON.stringify(token).slice(1, -1)).join(REDACTED)
}

/** FastAPI's `detail`: a string, an object or a list; undefined when the body is not JSON. */
function parseDetail(body: string): GafaelfawrErrorDetail | undefined {
  try {
    const detail = (JSON.parse(body) as { detail?: unknown } | null)?.detail
    if (typeof detail === 'string' || (detail && typeof detail === 'object')) {
      return detail as GafaelfawrErrorDetail
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): there is no detail, the body is kept as text.
  }
  return undefined
}

/** `: msg; msg` of the errors in the detail, so the message says what the server said. */
function summary(detail: GafaelfawrErrorDetail | undefined): string {
  const messages = (Array.isArray(detail) ? detail : [detail])
    .map((item) => (typeof item === 'string' ? item : item?.msg))
    .filter((text) => text)
  return messages.length > 0 ? `: ${messages.join('; ').slice(0, 500)}` : ''
}

/** The message of a network error, and of the error that caused it (fetch's own reason). */
function reasonOf(cause: unknown): string {
  if (!(cause instanceof Error)) return 'no reply'
  return cause.cause instanceof Error ? `${cause.message} (${cause.cause.message})` : cause.message
}

/** One line that names each bad field (the first five) and what was wrong with it. */
function describeIssues(issues: readonly ValidationIssue[]): string {
  const lines = issues
    .slice(0, 5)
    .map(({ path, message }) => `${path.map(String).join('.') || '(root)'}: ${message}`)
  if (issues.length > 5) lines.push(`and ${issues.length - 5} more`)
  return lines.join('; ')
}
