import { RepertoireError } from './RepertoireError'

/** The discovery request failed: a non-2xx reply, or no reply (`status` undefined). */
export class RepertoireWebError extends RepertoireError {
  override name = 'RepertoireWebError' as const
  // The fields below are declared, not defined: the constructor sets them, and the bundle
  // carries no empty field definitions.
  declare readonly status: number | undefined
  declare readonly url: string
  declare readonly body: string | undefined

  constructor(
    message: string,
    options: {
      url: string
      status?: number | undefined
      body?: string | undefined
      /** Kept as the error's `cause` when the key is present. */
      cause?: unknown
    },
  ) {
    // Error takes `cause` from the options, and nothing else.
    super(message, options)
    this.status = options.status
    this.url = options.url
    this.body = options.body
  }
}
