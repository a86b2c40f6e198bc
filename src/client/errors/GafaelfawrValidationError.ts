import { GafaelfawrError } from './GafaelfawrError'

/** One problem found in a reply or an argument: where (`path`) and what (`message`). */
export interface ValidationIssue {
  readonly path: readonly PropertyKey[]
  readonly message: string
}

/**
 * A reply did not match Gafaelfawr's model (not JSON, or a field of the wrong type), or an
 * argument broke Gafaelfawr's rules (a username it would refuse).
 */
export class GafaelfawrValidationError extends GafaelfawrError {
  override name = 'GafaelfawrValidationError' as const
  // The fields below are declared, not defined: the constructor sets them, and the bundle
  // carries no empty field definitions.
  /** What was wrong, field by field. */
  declare readonly issues: readonly ValidationIssue[]
  /** URL of the reply, when a reply was at fault. */
  declare readonly url: string | undefined
  /** HTTP method of the request, when a reply was at fault. */
  declare readonly method: string | undefined

  constructor(
    message: string,
    options: {
      issues?: readonly ValidationIssue[]
      url?: string
      method?: string
      /** Kept as the error's `cause` when the key is present. */
      cause?: unknown
    } = {},
  ) {
    // Error takes `cause` from the options, and nothing else.
    super(message, options)
    this.issues = options.issues ?? []
    this.url = options.url
    this.method = options.method
  }
}
