/** Base class of every error about Gafaelfawr that the library raises. */
export class GafaelfawrError extends Error {
  override name: string = 'GafaelfawrError'
}
