import { GafaelfawrValidationError } from '../errors/GafaelfawrValidationError'

// Gafaelfawr's own rule (spec §2): 1-64 characters, lower-case letters, digits and single
// inner hyphens, with at least one letter. The server answers 422 to anything else.
const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9]|-[a-z0-9])*[a-z](?:[a-z0-9]|-[a-z0-9])*$/

/** @throws {GafaelfawrValidationError} when `username` breaks Gafaelfawr's rule. */
export function assertUsername(username: unknown): asserts username is string {
  const problem =
    typeof username !== 'string'
      ? 'must be a string'
      : username.length <= 64 && USERNAME_PATTERN.test(username)
        ? undefined
        : 'must be 1-64 of a-z, 0-9 and single inner hyphens, with a letter'
  if (problem) {
    // Quoted with JSON.stringify, so that control characters stay visible and harmless.
    const shown =
      typeof username === 'string' ? JSON.stringify(username.slice(0, 80)) : typeof username
    throw new GafaelfawrValidationError(`Invalid username ${shown}: ${problem}`, {
      issues: [{ path: ['username'], message: problem }],
    })
  }
}
