import { GafaelfawrForbiddenError } from '../errors/GafaelfawrForbiddenError'
import { GafaelfawrNotFoundError } from '../errors/GafaelfawrNotFoundError'
import { GafaelfawrUnauthorizedError } from '../errors/GafaelfawrUnauthorizedError'
import { GafaelfawrValidationError } from '../errors/GafaelfawrValidationError'
import { type GafaelfawrErrorDetail, GafaelfawrWebError } from '../errors/GafaelfawrWebError'
import { type GafaelfawrUserInfo, UserInfoSchema } from '../schemas/UserInfoSchema'
import type { HttpResult } from './http'
import { describeIssues, toIssues } from './validation'

const REDACTED = '[redacted]'

/**
 * Turns the outcome of a user-information request into the user, or into the one typed error
 * that says what went wrong (spec §3). `token` is only used to make sure it is never repeated
 * in an error: a body that echoes it is redacted.
 */
export function parseUserInfoReply(
  result: HttpResult,
  request: { method: string; url: string; token?: string | undefined; timeout: number },
): GafaelfawrUserInfo {
  const { method, url, token } = request
  const where = `${method} ${url}`
  switch (result.kind) {
    case 'timeout':
      throw new GafaelfawrWebError(`${where} timed out after ${request.timeout} ms`, {
        method,
        url,
      })
    case 'network':
      throw new GafaelfawrWebError(`${where} failed: ${networkReason(result.cause)}`, {
        method,
        url,
        cause: result.cause,
      })
    case 'error-reply': {
      const body = redact(result.text, token)
      const detail = parseDetail(body)
      const options = { method, url, status: result.status, body, detail }
      const message = `${where} failed with ${result.status}${summary(detail)}`
      if (result.status === 401) return throwAs(new GafaelfawrUnauthorizedError(message, options))
      if (result.status === 403) return throwAs(new GafaelfawrForbiddenError(message, options))
      if (result.status === 404) return throwAs(new GafaelfawrNotFoundError(message, options))
      throw new GafaelfawrWebError(message, options)
    }
    case 'reply': {
      let json: unknown
      try {
        json = JSON.parse(result.text)
      } catch {
        throw new GafaelfawrValidationError(
          `${where} answered ${result.status} with a body that is not JSON (${result.contentType ?? 'no content type'})`,
          { method, url, issues: [{ path: [], message: 'not JSON' }] },
        )
      }
      const parsed = UserInfoSchema.safeParse(json)
      if (!parsed.success) {
        const issues = toIssues(parsed.error)
        throw new GafaelfawrValidationError(
          `${where} answered with invalid user information: ${describeIssues(issues)}`,
          { method, url, issues },
        )
      }
      return parsed.data
    }
  }
}

function throwAs(error: GafaelfawrWebError): never {
  throw error
}

function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join(REDACTED) : text
}

/** FastAPI's `detail`: a string, an object or a list; undefined when the body is not JSON. */
function parseDetail(body: string): GafaelfawrErrorDetail | undefined {
  try {
    const json: unknown = JSON.parse(body)
    if (json && typeof json === 'object' && 'detail' in json) {
      const { detail } = json as { detail: unknown }
      if (typeof detail === 'string' || Array.isArray(detail)) return detail
      if (detail && typeof detail === 'object') return detail as Record<string, unknown>
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): there is no detail, the body is kept as text.
  }
  return undefined
}

/** `: msg` for each error in the detail, so the message says what the server said. */
function summary(detail: GafaelfawrErrorDetail | undefined): string {
  if (detail === undefined) return ''
  const items: unknown[] = Array.isArray(detail) ? [...detail] : [detail]
  const messages = items
    .map((item) => {
      if (typeof item === 'string') return item
      if (item && typeof item === 'object' && 'msg' in item) return String(item.msg)
      return undefined
    })
    .filter((text): text is string => Boolean(text))
  return messages.length > 0 ? `: ${messages.join('; ').slice(0, 500)}` : ''
}

function networkReason(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : ''
    return `${cause.message}${inner}`
  }
  return 'no reply'
}
