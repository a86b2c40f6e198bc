import { GafaelfawrValidationError } from '../errors/GafaelfawrValidationError'

// Gafaelfawr's own rule (spec §2): 1-64 characters, lower-case letters, digits and single
// inner hyphens, with at least one letter. The server answers 422 to anything else.
const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9]|-[a-z0-9])*[a-z](?:[a-z0-9]|-[a-z0-9])*$/
const MAX_USERNAME_LENGTH = 64

/** Why `username` breaks Gafaelfawr's rule, or undefined when it is valid. */
export function usernameProblem(username: unknown): string | undefined {
  if (typeof username !== 'string') return 'must be a string'
  if (username.length === 0) return 'must not be empty'
  if (username.length > MAX_USERNAME_LENGTH) {
    return `must be at most ${MAX_USERNAME_LENGTH} characters, not ${username.length}`
  }
  if (!USERNAME_PATTERN.test(username)) {
    return 'may hold only lower-case letters, digits and single inner hyphens, with at least one letter'
  }
  return undefined
}

/** @throws {GafaelfawrValidationError} when `username` breaks Gafaelfawr's rule. */
export function assertUsername(username: unknown): asserts username is string {
  const problem = usernameProblem(username)
  if (problem !== undefined) {
    // The name is quoted with JSON.stringify so control characters stay visible and harmless.
    const shown =
      typeof username === 'string' ? JSON.stringify(username.slice(0, 80)) : typeof username
    throw new GafaelfawrValidationError(`Invalid username ${shown}: ${problem}`, {
      issues: [{ path: ['username'], message: problem }],
    })
  }
}
