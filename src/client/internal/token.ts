import { GafaelfawrValidationError } from '../errors/GafaelfawrValidationError'

// Visible ASCII only: anything else cannot be sent in an Authorization header, and fetch's
// own error for it would quote the token.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/

/** Whether `token` can be sent: undefined (no token), or a string an HTTP header can carry. */
export function isSendable(token: string | undefined): boolean {
  return token === undefined || (typeof token === 'string' && TOKEN_PATTERN.test(token))
}

/** @throws {GafaelfawrValidationError} (which never quotes it) when `token` cannot be sent. */
export function assertToken(token: string | undefined): void {
  if (!isSendable(token)) {
    const problem =
      typeof token !== 'string' ? 'must be a string' : 'must be non-empty visible ASCII'
    throw new GafaelfawrValidationError(`Invalid token: ${problem}`, {
      issues: [{ path: ['token'], message: problem }],
    })
  }
}
