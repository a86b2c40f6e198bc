/** Identity of "no token": the browser session cookie (or no credentials at all in Node). */
export const SESSION_CREDENTIAL = 'session'

/**
 * Opaque, per-client identities of tokens, for query keys: a token never appears in a key.
 *
 * Ids are never reused, so two tokens can never share an entry, and each client's ids carry a
 * random part of their own, so an entry dehydrated from one client can never be taken by
 * another client for a different token (only `'session'` entries carry over). The map is bounded: the
 * identity of a token unused for long is forgotten, and the token simply gets a new one (its
 * old entries are no longer reachable and age out of the bounded caches).
 */
export class CredentialIds {
  readonly #ids = new Map<string, string>()
  readonly #limit: number
  readonly #prefix = `t-${randomPart()}-`
  #next = 1

  constructor(limit: number) {
    this.#limit = Math.max(1, limit)
  }

  /** The identity of `token`, or of the session when there is no token. */
  idOf(token: string | undefined): string {
    if (token === undefined) return SESSION_CREDENTIAL
    let id = this.#ids.get(token)
    if (id === undefined) {
      id = `${this.#prefix}${this.#next++}`
      if (this.#ids.size >= this.#limit) {
        const oldest = this.#ids.keys().next()
        if (!oldest.done) this.#ids.delete(oldest.value)
      }
    } else {
      this.#ids.delete(token)
    }
    this.#ids.set(token, id)
    return id
  }
}

function randomPart(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
