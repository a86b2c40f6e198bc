import { GafaelfawrDiscoveryError } from '../../client/errors/GafaelfawrDiscoveryError'
import { GafaelfawrForbiddenError } from '../../client/errors/GafaelfawrForbiddenError'
import { GafaelfawrNotFoundError } from '../../client/errors/GafaelfawrNotFoundError'
import { GafaelfawrUnauthorizedError } from '../../client/errors/GafaelfawrUnauthorizedError'
import { GafaelfawrValidationError } from '../../client/errors/GafaelfawrValidationError'
import { GafaelfawrWebError } from '../../client/errors/GafaelfawrWebError'
import { RepertoireError } from '../../client/errors/RepertoireError'

/** What the default error message of a component says: a sentence, and the technical detail. */
export interface ErrorDescription {
  /** A plain-language sentence for the person in front of the screen. */
  summary: string
  /** `ErrorClass: message`, for whoever reports the problem; tokens are redacted. */
  detail: string
}

// Spec §2: tokens look like `gt-<22 chars>.<22 chars>`. The client never puts one in an
// error, but a message is shown on screen, so it is checked once more here.
const TOKEN_PATTERN = /gt-[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}/g
const BEARER_PATTERN = /(Bearer\s+)\S+/gi
const REDACTED = '[redacted]'

/**
 * A sentence for people and a technical detail for `error`, neither of which can carry a
 * token: `token` (when given) and anything shaped like a Gafaelfawr token are redacted.
 *
 * @param error - What a user-information read failed with.
 * @param token - The token the read sent, if any, to redact from the text.
 * @returns The summary and the detail.
 */
export function describeError(error: unknown, token?: string): ErrorDescription {
  const name = error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  let detail = `${name}: ${message}`
  if (token) detail = detail.split(token).join(REDACTED)
  detail = detail.replace(TOKEN_PATTERN, REDACTED).replace(BEARER_PATTERN, `$1${REDACTED}`)
  return { summary: summarise(error), detail }
}

function summarise(error: unknown): string {
  if (error instanceof GafaelfawrUnauthorizedError) {
    return 'You are not logged in, or your session has expired. Log in again and reload the page.'
  }
  if (error instanceof GafaelfawrForbiddenError) {
    return 'You are not allowed to see this user information.'
  }
  if (error instanceof GafaelfawrNotFoundError) {
    return 'This deployment does not provide this user information.'
  }
  if (error instanceof GafaelfawrWebError) {
    return error.status === undefined
      ? 'The authentication service could not be reached. Try again later.'
      : `The authentication service failed (HTTP ${error.status}). Try again later.`
  }
  if (error instanceof GafaelfawrValidationError) {
    // Without a URL the fault was in the request (a bad token or username), not the reply.
    return error.url === undefined
      ? 'The request for user information was not valid.'
      : 'The authentication service sent user information that could not be read.'
  }
  if (error instanceof GafaelfawrDiscoveryError || error instanceof RepertoireError) {
    return 'The authentication service of this deployment could not be found.'
  }
  return 'User information could not be loaded.'
}
