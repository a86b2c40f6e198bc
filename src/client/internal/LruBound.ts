import { hashKey, type Query, type QueryCache, type QueryKey } from '@tanstack/query-core'

/**
 * Keeps a QueryCache to at most `limit` entries, least recently used first out.
 *
 * TanStack has no such option, so this listens to the cache. It never evicts a query that has
 * observers (a mounted hook) or a fetch in flight; such a query met at the old end is moved to
 * the new end, so each access costs O(1) amortised. The `added` event fires before the fetch
 * starts, so the entry just added is never the one evicted; a hit through `query()` emits no
 * event, so readers call `touch()` themselves.
 */
export class LruBound {
  readonly #cache: QueryCache
  readonly #limit: number
  readonly #order = new Map<string, Query>()

  /** @param limit - A positive integer, checked by the client. */
  constructor(cache: QueryCache, limit: number) {
    this.#cache = cache
    this.#limit = limit
    // Listens for the cache's whole life: the client owns both.
    cache.subscribe((event) => {
      const { query } = event
      switch (event.type) {
        case 'added':
          this.#order.set(query.queryHash, query)
          this.#evict(query)
          break
        case 'removed':
          this.#order.delete(query.queryHash)
          break
        case 'observerAdded':
        case 'observerRemoved':
          this.#touchHash(query.queryHash)
          this.#evict(query)
          break
        case 'updated':
          // A fetch that ends makes its query evictable again.
          if (event.action.type === 'success' || event.action.type === 'error') this.#evict(query)
          break
      }
    })
  }

  /** Marks the entry of `queryKey` as just used. */
  touch(queryKey: QueryKey): void {
    this.#touchHash(hashKey(queryKey))
  }

  #touchHash(hash: string): void {
    const query = this.#order.get(hash)
    if (query) {
      this.#order.delete(hash)
      this.#order.set(hash, query)
    }
  }

  #evict(keep: Query): void {
    // Each pinned entry is looked at once per pass at most, so the pass ends.
    let budget = this.#order.size
    while (this.#order.size > this.#limit && budget-- > 0) {
      const first = this.#order.entries().next()
      if (first.done) return
      const [hash, query] = first.value
      this.#order.delete(hash)
      if (query === keep || query.getObserversCount() > 0 || query.state.fetchStatus !== 'idle') {
        this.#order.set(hash, query)
      } else {
        this.#cache.remove(query)
      }
    }
  }
}
