import { GafaelfawrError } from './GafaelfawrError'

/** Service discovery worked, but it does not list the Gafaelfawr v1 API. */
export class GafaelfawrDiscoveryError extends GafaelfawrError {
  override name = 'GafaelfawrDiscoveryError' as const
}
