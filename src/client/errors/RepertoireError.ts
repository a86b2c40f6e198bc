/** Base class of every error about Repertoire service discovery. */
export class RepertoireError extends Error {
  override name: string = 'RepertoireError'
}
