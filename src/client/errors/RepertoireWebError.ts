import { RepertoireError } from './RepertoireError'

/** The discovery request failed: a non-2xx reply, or no reply (`status` undefined). */
export class RepertoireWebError extends RepertoireError {
  override name = 'RepertoireWebError' as const
  readonly status: number | undefined
  readonly url: string
  readonly body: string | undefined

  constructor(
    message: string,
    options: {
      url: string
      status?: number | undefined
      body?: string | undefined
      cause?: unknown
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.url = options.url
    this.status = options.status
    this.body = options.body
  }
}
