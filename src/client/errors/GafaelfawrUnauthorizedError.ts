import { GafaelfawrWebError } from './GafaelfawrWebError'

/** Gafaelfawr answered 401. The request had no valid credentials: missing, unknown or expired token, or no session. */
export class GafaelfawrUnauthorizedError extends GafaelfawrWebError {
  override name = 'GafaelfawrUnauthorizedError' as const
  declare readonly status: 401
}
