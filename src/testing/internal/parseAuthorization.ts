import { tokenFormatProblem } from './tokens'

/** What an `Authorization` header holds, as `auth.parse_authorization()` reads it. */
export type ParsedAuthorization =
  | { kind: 'none' }
  | { kind: 'token'; token: string }
  | { kind: 'invalid-request'; message: string }

/** Splits on the first run of whitespace, as Python's `str.split(None, 1)`. */
function splitOnce(header: string): [string, string] | undefined {
  const match = /^(\S+)\s+(\S[\s\S]*)$/.exec(header.trim())
  return match ? [match[1] as string, match[2] as string] : undefined
}

function decodeBasic(blob: string): [string, string] | string {
  let decoded: string
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(blob), (char) => char.charCodeAt(0)),
    )
  } catch {
    return 'Incorrect padding or not UTF-8'
  }
  const parts = decoded.trim().split(':')
  if (parts.length !== 2) {
    return parts.length < 2
      ? `not enough values to unpack (expected 2, got ${parts.length})`
      : `too many values to unpack (expected 2)`
  }
  return [parts[0] as string, parts[1] as string]
}

const isToken = (value: string): boolean => tokenFormatProblem(value) === undefined

/**
 * Finds the token in an `Authorization` header: `Bearer <token>`, or `Basic` with the token as
 * user name or password. A header that is neither is an invalid request (403); a Basic header
 * without a token counts as no credentials.
 */
export function parseAuthorization(header: string | null): ParsedAuthorization {
  if (!header) return { kind: 'none' }
  const split = splitOnce(header)
  if (!split) return { kind: 'invalid-request', message: 'Malformed Authorization header' }
  const [type, blob] = split
  if (type.toLowerCase() === 'bearer') return { kind: 'token', token: blob }
  if (type.toLowerCase() !== 'basic') {
    return { kind: 'invalid-request', message: `Unknown Authorization type ${type}` }
  }
  const basic = decodeBasic(blob)
  if (typeof basic === 'string') {
    return { kind: 'invalid-request', message: `Invalid Basic auth string: ${basic}` }
  }
  const [user, password] = basic
  if (isToken(user)) {
    if (isToken(password) && user !== password) {
      return {
        kind: 'invalid-request',
        message: 'Conflicting tokens in Basic username and password fields',
      }
    }
    return { kind: 'token', token: user }
  }
  if (isToken(password)) return { kind: 'token', token: password }
  return { kind: 'none' }
}
