import { GafaelfawrWebError } from './GafaelfawrWebError'

/** Gafaelfawr answered 404. No such user, or this deployment answers no lookups by name (no LDAP). */
export class GafaelfawrNotFoundError extends GafaelfawrWebError {
  override name = 'GafaelfawrNotFoundError' as const
  declare readonly status: 404
}
