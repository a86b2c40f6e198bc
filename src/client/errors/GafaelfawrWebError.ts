import { GafaelfawrError } from './GafaelfawrError'

/** The `detail` of an error reply: a string, an object or a list, as FastAPI sends it. */
export type GafaelfawrErrorDetail = string | Record<string, unknown> | readonly unknown[]

/** What a `GafaelfawrWebError` is built from: the request, and the reply if there was one. */
export interface GafaelfawrWebErrorOptions {
  method: string
  url: string
  status?: number | undefined
  body?: string | undefined
  detail?: GafaelfawrErrorDetail | undefined
  /** Kept as the error's `cause` when the key is present. */
  cause?: unknown
}

/**
 * A request to Gafaelfawr failed: a non-2xx reply (`status` set), or no reply at all (network
 * failure or timeout, `status` undefined).
 */
export class GafaelfawrWebError extends GafaelfawrError {
  override name: string = 'GafaelfawrWebError'
  // The fields below are declared, not defined: the constructor sets them, and the bundle
  // carries no empty field definitions.
  /** HTTP status of the reply; undefined when there was no reply. */
  declare readonly status: number | undefined
  /** The reply's body as text. */
  declare readonly body: string | undefined
  declare readonly method: string
  declare readonly url: string
  /** The parsed `detail` of a JSON error reply. */
  declare readonly detail: GafaelfawrErrorDetail | undefined

  constructor(message: string, options: GafaelfawrWebErrorOptions) {
    // Error takes `cause` from the options, and nothing else.
    super(message, options)
    this.status = options.status
    this.body = options.body
    this.method = options.method
    this.url = options.url
    this.detail = options.detail
  }
}
