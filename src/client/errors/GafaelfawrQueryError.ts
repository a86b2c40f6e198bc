import type { GafaelfawrDiscoveryError } from './GafaelfawrDiscoveryError'
import type { GafaelfawrValidationError } from './GafaelfawrValidationError'
import type { GafaelfawrWebError } from './GafaelfawrWebError'
import type { RepertoireError } from './RepertoireError'

/** Every error a user-information read can fail with: the `TError` of the hooks. */
export type GafaelfawrQueryError =
  | GafaelfawrWebError
  | GafaelfawrValidationError
  | GafaelfawrDiscoveryError
  | RepertoireError
