import { RepertoireError } from './RepertoireError'

/** No Repertoire base URL was given, neither as an option nor in the environment. */
export class RepertoireUrlError extends RepertoireError {
  override name = 'RepertoireUrlError' as const
}
