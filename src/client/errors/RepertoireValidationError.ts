import type { ValidationIssue } from './GafaelfawrValidationError'
import { RepertoireError } from './RepertoireError'

/** The discovery document was not JSON, or a field had the wrong type. */
export class RepertoireValidationError extends RepertoireError {
  override name = 'RepertoireValidationError' as const
  // The fields below are declared, not defined: the constructor sets them, and the bundle
  // carries no empty field definitions.
  declare readonly url: string
  declare readonly issues: readonly ValidationIssue[]

  constructor(message: string, options: { url: string; issues?: readonly ValidationIssue[] }) {
    super(message)
    this.url = options.url
    this.issues = options.issues ?? []
  }
}
