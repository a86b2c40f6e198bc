import { GafaelfawrWebError } from './GafaelfawrWebError'

/** Gafaelfawr answered 403. The credentials may not see this (for example, a by-name lookup without `admin:userinfo`). */
export class GafaelfawrForbiddenError extends GafaelfawrWebError {
  override name = 'GafaelfawrForbiddenError' as const
  declare readonly status: 403
}
