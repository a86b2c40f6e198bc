import { GafaelfawrError } from './GafaelfawrError'

/** The user's record lacks fields that the caller needs (the deployment does not fill them). */
export class GafaelfawrMissingFieldsError extends GafaelfawrError {
  override name = 'GafaelfawrMissingFieldsError' as const
  // The fields below are declared, not defined: the constructor sets them, and the bundle
  // carries no empty field definitions.
  /** The fields that are null or absent, in the order they were asked for. */
  declare readonly missing: readonly string[]
  /** Whose record it is. */
  declare readonly username: string

  constructor(username: string, missing: readonly string[]) {
    super(`User ${username} has no ${missing.join(', ')} in this deployment`)
    this.username = username
    this.missing = missing
  }
}
