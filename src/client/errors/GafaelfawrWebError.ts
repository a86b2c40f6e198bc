import { GafaelfawrError } from './GafaelfawrError'

/** The `detail` of an error reply: a string, an object or a list, as FastAPI sends it. */
export type GafaelfawrErrorDetail = string | Record<string, unknown> | readonly unknown[]

export interface GafaelfawrWebErrorOptions {
  method: string
  url: string
  status?: number | undefined
  body?: string | undefined
  detail?: GafaelfawrErrorDetail | undefined
  cause?: unknown
}

/**
 * A request to Gafaelfawr failed: a non-2xx reply (`status` set), or no reply at all (network
 * failure or timeout, `status` undefined).
 */
export class GafaelfawrWebError extends GafaelfawrError {
  override name: string = 'GafaelfawrWebError'
  /** HTTP status of the reply; undefined when there was no reply. */
  readonly status: number | undefined
  /** The reply's body as text. */
  readonly body: string | undefined
  readonly method: string
  readonly url: string
  /** The parsed `detail` of a JSON error reply. */
  readonly detail: GafaelfawrErrorDetail | undefined

  constructor(message: string, options: GafaelfawrWebErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.status = options.status
    this.body = options.body
    this.method = options.method
    this.url = options.url
    this.detail = options.detail
  }
}
