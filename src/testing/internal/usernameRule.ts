// Gafaelfawr's `USERNAME_REGEX` and the path parameter's length limits (spec §2).
export const USERNAME_PATTERN = '^[a-z0-9](?:[a-z0-9]|-[a-z0-9])*[a-z](?:[a-z0-9]|-[a-z0-9])*$'
const USERNAME_REGEX = new RegExp(USERNAME_PATTERN)
const MAX_LENGTH = 64

/** A pydantic 2 validation error, as FastAPI reports it in a 422. */
export interface PydanticError {
  type: string
  msg: string
  ctx: Record<string, unknown>
}

/**
 * What pydantic says of `username` as the `/users/{username}` path parameter, or undefined
 * when it is valid. Lengths are checked before the pattern, as pydantic does.
 */
export function usernameError(username: string): PydanticError | undefined {
  if (username.length > MAX_LENGTH) {
    return {
      type: 'string_too_long',
      msg: `String should have at most ${MAX_LENGTH} characters`,
      ctx: { max_length: MAX_LENGTH },
    }
  }
  if (!USERNAME_REGEX.test(username)) {
    return {
      type: 'string_pattern_mismatch',
      msg: `String should match pattern '${USERNAME_PATTERN}'`,
      ctx: { pattern: USERNAME_PATTERN },
    }
  }
  return undefined
}

/** Whether `username` is one Gafaelfawr accepts. */
export function isValidUsername(username: string): boolean {
  return username.length > 0 && usernameError(username) === undefined
}
