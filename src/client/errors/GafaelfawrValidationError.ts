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
  /** What was wrong, field by field. */
  readonly issues: readonly ValidationIssue[]
  /** URL of the reply, when a reply was at fault. */
  readonly url: string | undefined
  /** HTTP method of the request, when a reply was at fault. */
  readonly method: string | undefined

  constructor(
    message: string,
    options: {
      issues?: readonly ValidationIssue[]
      url?: string
      method?: string
      cause?: unknown
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.issues = options.issues ?? []
    this.url = options.url
    this.method = options.method
  }
}
