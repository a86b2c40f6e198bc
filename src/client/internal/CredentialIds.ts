/** Identity of "no token": the browser session cookie (or no credentials at all in Node). */
export const SESSION_CREDENTIAL = 'session'

/**
 * Opaque, per-client identities of tokens, for query keys: a token never appears in a key.
 *
 * Ids are never reused, so two tokens can never share an entry, and each client's ids carry a
 * random part of their own, so an entry dehydrated from one client can never be taken by
 * another client for a different token (only `'session'` entries carry over). The map is
 * bounded: the identity of a token unused for long is forgotten, and the token simply gets a
 * new one (its old entries are no longer reachable and age out of the bounded caches).
 */
export class CredentialIds {
  /** Token → id, in the order of last use, oldest first. */
  readonly #ids = new Map<string, string>()
  readonly #limit: number
  readonly #prefix = `t-${globalThis.crypto.getRandomValues(new Uint32Array(2)).join('')}-`
  #next = 1

  constructor(limit: number) {
    this.#limit = Math.max(1, limit)
  }

  /** The identity of `token`, or of the session when there is no token. */
  idOf(token: string | undefined): string {
    if (token === undefined) return SESSION_CREDENTIAL
    const id = this.#ids.get(token) ?? `${this.#prefix}${this.#next++}`
    this.#ids.delete(token)
    this.#ids.set(token, id)
    if (this.#ids.size > this.#limit) this.#ids.delete(this.#ids.keys().next().value as string)
    return id
  }
}
