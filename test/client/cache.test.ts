import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrForbiddenError,
  GafaelfawrWebError,
  gafaelfawrKeys,
} from '../../src/client'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import { GAFAELFAWR_URL, server } from '../support/server'
import { caught, OTHER_TOKEN, requestsTo, sleep, TOKEN } from './helpers'

const USER_INFO_URL = `${GAFAELFAWR_URL}/user-info`
const PERMISSION_DENIED = (name: string) => ({
  detail: [{ msg: `Cannot get information for user ${name}`, type: 'permission_denied' }],
})

/** Serves `/user-info` from a reply that the test may change, and counts requests. */
function mutableUserInfo(initial: Record<string, unknown>) {
  const state = { body: initial, count: 0 }
  server.use(
    http.get(USER_INFO_URL, () => {
      state.count++
      return HttpResponse.json(state.body)
    }),
  )
  return state
}

/** `/user-info` answers with the user that owns the bearer token; no token means 401. */
function userInfoByToken(owners: Record<string, Record<string, unknown>>) {
  server.use(
    http.get(USER_INFO_URL, ({ request }) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '')
      const owner = token === undefined ? undefined : owners[token]
      if (!owner) {
        return HttpResponse.json(
          { detail: { msg: 'Authentication required', type: 'no_authorization' } },
          { status: 401 },
        )
      }
      return HttpResponse.json(owner)
    }),
  )
}

function allKeys(client: GafaelfawrClient): unknown[] {
  return [
    ...client.userInfoCache.getQueryCache().getAll(),
    ...client.usernameCache.getQueryCache().getAll(),
  ].flatMap((query) => [query.queryKey, query.queryHash])
}

describe('cache of the current user, by credential', () => {
  it('serves a second call from the cache', async () => {
    const upstream = mutableUserInfo(someuser)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const first = await client.getUserInfo(TOKEN)
    const second = await client.getUserInfo(TOKEN)

    expect(second).toEqual(first)
    expect(upstream.count).toBe(1)
  })

  it('does not see changed upstream data until clearCache(), then sees it', async () => {
    const upstream = mutableUserInfo(someuser)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfo(TOKEN)

    upstream.body = { ...someuser, name: 'Renamed User' }
    expect((await client.getUserInfo(TOKEN)).name).toBe('Some User')

    await client.clearCache()
    expect((await client.getUserInfo(TOKEN)).name).toBe('Renamed User')
    expect(upstream.count).toBe(2)
  })

  it('fetches again once cacheLifetime has passed', async () => {
    const upstream = mutableUserInfo(someuser)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheLifetime: 5 })
    await client.getUserInfo(TOKEN)
    upstream.body = { ...someuser, name: 'Renamed User' }
    await sleep(20)

    expect((await client.getUserInfo(TOKEN)).name).toBe('Renamed User')
    expect(upstream.count).toBe(2)
  })

  it('keeps one entry per token, each with its own user', async () => {
    userInfoByToken({ [TOKEN]: someuser, [OTHER_TOKEN]: otheruser })
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    expect((await client.getUserInfo(TOKEN)).username).toBe('someuser')
    expect((await client.getUserInfo(OTHER_TOKEN)).username).toBe('otheruser')
    expect((await client.getUserInfo(TOKEN)).username).toBe('someuser')
    expect((await client.getUserInfo(OTHER_TOKEN)).username).toBe('otheruser')

    expect(requestsTo(USER_INFO_URL)).toHaveLength(2)
    expect(client.userInfoCache.getQueryCache().getAll()).toHaveLength(2)
  })

  it('keeps the session apart from every token', async () => {
    userInfoByToken({ [TOKEN]: someuser })
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfo(TOKEN)

    await expect(client.getUserInfo()).rejects.toBeInstanceOf(GafaelfawrWebError)
    expect(requestsTo(USER_INFO_URL).map((request) => request.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      null,
    ])
  })

  it('shares one entry between the constructor token and the same token given to a call', async () => {
    const upstream = mutableUserInfo(someuser)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: TOKEN })

    await client.getUserInfo()
    await client.getUserInfo(TOKEN)

    expect(upstream.count).toBe(1)
  })

  it('never caches an error: a 500 and then a 200 gives the user on the next call', async () => {
    let failing = true
    server.use(
      http.get(USER_INFO_URL, () =>
        failing
          ? HttpResponse.json(
              { detail: [{ msg: 'Unable to get user information', type: 'user_info_failed' }] },
              { status: 500 },
            )
          : HttpResponse.json(someuser),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const error = await caught(() => client.getUserInfo(TOKEN))
    expect((error as GafaelfawrWebError).status).toBe(500)
    failing = false

    expect((await client.getUserInfo(TOKEN)).username).toBe('someuser')
  })

  it('never caches a 401: the next call asks again', async () => {
    userInfoByToken({})
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await expect(client.getUserInfo(TOKEN)).rejects.toBeInstanceOf(GafaelfawrWebError)
    userInfoByToken({ [TOKEN]: someuser })

    expect((await client.getUserInfo(TOKEN)).username).toBe('someuser')
    expect(requestsTo(USER_INFO_URL)).toHaveLength(2)
  })
})

describe('cache of users by name', () => {
  it('serves a second lookup of the same name from the cache, and asks for another name', async () => {
    let count = 0
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) => {
        count++
        return HttpResponse.json({ username: params.username, uid: count })
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    expect((await client.getUserInfoByName('some-user', TOKEN)).uid).toBe(1)
    expect((await client.getUserInfoByName('some-user', TOKEN)).uid).toBe(1)
    expect((await client.getUserInfoByName('ldap-user', TOKEN)).uid).toBe(2)
    expect(count).toBe(2)
  })

  it('keeps the by-name cache apart from the current-user cache', async () => {
    mutableUserInfo(someuser)
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/someuser`, () =>
        HttpResponse.json({ ...someuser, name: 'From by-name' }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    expect((await client.getUserInfo(TOKEN)).name).toBe('Some User')
    expect((await client.getUserInfoByName('someuser', TOKEN)).name).toBe('From by-name')
    expect(client.userInfoCache.getQueryCache().getAll()).toHaveLength(1)
    expect(client.usernameCache.getQueryCache().getAll()).toHaveLength(1)
  })

  it('never serves one token what another token fetched', async () => {
    // TOKEN has admin:userinfo; OTHER_TOKEN may only see itself.
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ request, params }) => {
        if (request.headers.get('authorization') === `Bearer ${TOKEN}`) {
          return HttpResponse.json({ ...otheruser, username: params.username })
        }
        return HttpResponse.json(PERMISSION_DENIED(String(params.username)), { status: 403 })
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const seen = await client.getUserInfoByName('other-user', TOKEN)
    expect(seen.uid).toBe(2001)

    const error = await caught(() => client.getUserInfoByName('other-user', OTHER_TOKEN))
    expect(error).toBeInstanceOf(GafaelfawrForbiddenError)

    // The privileged token is still served from its own entry.
    expect((await client.getUserInfoByName('other-user', TOKEN)).uid).toBe(2001)
    expect(requestsTo(`${GAFAELFAWR_URL}/users/`).map((request) => request.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${OTHER_TOKEN}`,
    ])
  })

  it('never serves the session what a token fetched', async () => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ request, params }) =>
        request.headers.get('authorization')
          ? HttpResponse.json({ username: params.username, uid: 1 })
          : HttpResponse.json(PERMISSION_DENIED(String(params.username)), { status: 403 }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfoByName('other-user', TOKEN)

    await expect(client.getUserInfoByName('other-user')).rejects.toBeInstanceOf(
      GafaelfawrForbiddenError,
    )
  })
})

describe('query keys', () => {
  it('never contain a token, in either cache', async () => {
    mutableUserInfo(someuser)
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
        HttpResponse.json({ username: params.username }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: OTHER_TOKEN })

    await client.getUserInfo(TOKEN)
    await client.getUserInfo()
    await client.getUserInfoByName('some-user', TOKEN)
    await client.getUserInfoByName('some-user')

    const text = JSON.stringify(allKeys(client))
    expect(client.userInfoCache.getQueryCache().getAll()).toHaveLength(2)
    expect(client.usernameCache.getQueryCache().getAll()).toHaveLength(2)
    for (const token of [TOKEN, OTHER_TOKEN]) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(token.slice(3, 20))
      expect(text).not.toContain(token.split('.')[1])
    }
  })

  it('never contain a token in the options handed to hooks', () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: OTHER_TOKEN })

    const keys = [
      client.userInfoQuery(TOKEN).queryKey,
      client.userInfoQuery().queryKey,
      client.userInfoByNameQuery('some-user', TOKEN).queryKey,
    ]

    expect(JSON.stringify(keys)).not.toContain(TOKEN.slice(3, 20))
    expect(JSON.stringify(keys)).not.toContain(OTHER_TOKEN.slice(3, 20))
  })

  it('sit under the gafaelfawr prefix, with the username last in by-name keys', async () => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
        HttpResponse.json({ username: params.username }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    await client.getUserInfoByName('some-user', TOKEN)

    const [key] = client.usernameCache
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey)
    expect(key?.slice(0, 2)).toEqual(gafaelfawrKeys.users())
    expect(key?.at(-1)).toBe('some-user')
    expect(key).toHaveLength(4)
  })

  it('give the same token the same key and different tokens different keys', () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const a = JSON.stringify(client.userInfoQuery(TOKEN).queryKey)
    const b = JSON.stringify(client.userInfoQuery(OTHER_TOKEN).queryKey)

    expect(JSON.stringify(client.userInfoQuery(TOKEN).queryKey)).toBe(a)
    expect(b).not.toBe(a)
    expect(JSON.stringify(client.userInfoQuery().queryKey)).not.toBe(a)
  })
})
