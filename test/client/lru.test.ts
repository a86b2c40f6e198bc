import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CACHE_SIZE, GafaelfawrClient } from '../../src/client'
import { GAFAELFAWR_URL, server } from '../support/server'
import { requestsTo, TOKEN } from './helpers'

const USERS_URL = `${GAFAELFAWR_URL}/users/`
const name = (i: number): string => `user-${i}`

/** The usernames held by the by-name cache, from the last element of each key. */
function cachedNames(client: GafaelfawrClient): Set<string> {
  return new Set(
    client.usernameCache
      .getQueryCache()
      .getAll()
      .map((query) => String(query.queryKey.at(-1))),
  )
}

async function fetchRange(client: GafaelfawrClient, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) await client.getUserInfoByName(name(i), TOKEN)
}

/** How many requests reading `username` again makes: 0 when it is still cached. */
async function requestsToReread(client: GafaelfawrClient, username: string): Promise<number> {
  const before = requestsTo(USERS_URL).length
  await client.getUserInfoByName(username, TOKEN)
  return requestsTo(USERS_URL).length - before
}

describe('entry limit of the by-name cache', () => {
  beforeEach(() => {
    server.use(
      http.get(`${USERS_URL}:username`, ({ params }) =>
        HttpResponse.json({ username: params.username }),
      ),
    )
  })

  it('defaults to 1000 entries', () => {
    expect(DEFAULT_CACHE_SIZE).toBe(1000)
    expect(new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL }).cacheSize).toBe(1000)
  })

  // 1500 real requests through MSW: a few seconds, more on a busy machine.
  it('holds the 1000 most recently used of 1500 names, counting a re-read as a use', {
    timeout: 60_000,
  }, async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheSize: 1000 })

    await fetchRange(client, 0, 1450)
    // The last 1000 names read are cached; user-450 is now the least recently used of them.
    expect(cachedNames(client)).toEqual(
      new Set(Array.from({ length: 1000 }, (_, i) => name(450 + i))),
    )
    // Reading it again is a cache hit that makes it the most recently used.
    expect(await requestsToReread(client, name(450))).toBe(0)
    await fetchRange(client, 1450, 1500)

    const names = cachedNames(client)
    expect(names.size).toBe(1000)
    // 50 more names evicted the 50 least recently used: user-451 to user-500, not user-450.
    expect(names).toEqual(
      new Set([name(450), ...Array.from({ length: 999 }, (_, i) => name(501 + i))]),
    )
    expect(requestsTo(USERS_URL)).toHaveLength(1500)
    expect(await requestsToReread(client, name(450))).toBe(0)
    expect(await requestsToReread(client, name(1499))).toBe(0)
    expect(await requestsToReread(client, name(501))).toBe(0)
    expect(await requestsToReread(client, name(500))).toBe(1)
    expect(await requestsToReread(client, name(451))).toBe(1)
  })

  it('applies a small limit to the current-user cache too', async () => {
    server.use(http.get(`${GAFAELFAWR_URL}/user-info`, () => HttpResponse.json({ username: 'x1' })))
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheSize: 3 })
    const tokens = Array.from({ length: 5 }, (_, i) => `${TOKEN}${i}`)

    for (const token of tokens) await client.getUserInfo(token)

    expect(client.userInfoCache.getQueryCache().getAll()).toHaveLength(3)
    const before = requestsTo(GAFAELFAWR_URL).length
    await client.getUserInfo(tokens[4])
    await client.getUserInfo(tokens[2])
    expect(requestsTo(GAFAELFAWR_URL).length - before).toBe(0)
    await client.getUserInfo(tokens[0])
    expect(requestsTo(GAFAELFAWR_URL).length - before).toBe(1)
  })

  it('never evicts entries whose fetch is in flight, even beyond the limit', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheSize: 2 })

    const users = await Promise.all(
      Array.from({ length: 6 }, (_, i) => client.getUserInfoByName(name(i), TOKEN)),
    )

    expect(users.map((user) => user.username)).toEqual(Array.from({ length: 6 }, (_, i) => name(i)))
    expect(requestsTo(USERS_URL)).toHaveLength(6)
    expect(client.usernameCache.getQueryCache().getAll().length).toBeLessThanOrEqual(2)
  })

  it('refuses a cacheSize that is not a positive whole number', () => {
    expect(() => new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheSize: 0 })).toThrow(
      RangeError,
    )
    expect(() => new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheSize: 1.5 })).toThrow(
      RangeError,
    )
  })
})
