import { GafaelfawrValidationError } from '../errors/GafaelfawrValidationError'

// Visible ASCII only: anything else cannot be sent in an Authorization header, and fetch's
// own error for it would quote the token.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/

/** @throws {GafaelfawrValidationError} (which never quotes it) when `token` cannot be sent. */
export function assertToken(token: string | undefined): void {
  if (token !== undefined && (typeof token !== 'string' || !TOKEN_PATTERN.test(token))) {
    const problem =
      typeof token !== 'string'
        ? 'must be a string'
        : 'must be non-empty visible ASCII, as an HTTP header needs'
    throw new GafaelfawrValidationError(`Invalid token: it ${problem}`, {
      issues: [{ path: ['token'], message: problem }],
    })
  }
}
