import { QueryObserver } from '@tanstack/query-core'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { GafaelfawrClient, type GafaelfawrUserInfo } from '../../src/client'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import { GAFAELFAWR_URL, server } from '../support/server'
import { gate, requestsTo, TOKEN } from './helpers'

const USER_INFO_URL = `${GAFAELFAWR_URL}/user-info`

/**
 * A server whose data the test can change. Each request reads the data when it arrives (as a
 * real server would) and, while `held` is closed, waits before answering with what it read.
 */
function changingServer(path: string) {
  const state = {
    name: 'old',
    count: 0,
    held: gate(),
    arrived: gate(),
  }
  server.use(
    http.get(`${GAFAELFAWR_URL}${path}`, async ({ params }) => {
      state.count++
      const body = { ...someuser, username: params.username ?? someuser.username, name: state.name }
      state.arrived.open()
      await state.held.promise
      return HttpResponse.json(body)
    }),
  )
  return state
}

/** A subscribed observer of the client's own user entry, with every name it was shown. */
function observeUserInfo(client: GafaelfawrClient) {
  const observer = new QueryObserver(client.userInfoCache, client.userInfoQuery(TOKEN))
  const seen: Array<string | null | undefined> = []
  const unsubscribe = observer.subscribe((result) => {
    seen.push((result.data as GafaelfawrUserInfo | undefined)?.name)
  })
  return { observer, seen, unsubscribe }
}

describe('clearCache()', () => {
  it('makes the next getUserInfo a new request once it resolves', async () => {
    const upstream = changingServer('/user-info')
    upstream.held.open()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfo(TOKEN)

    await client.clearCache()
    await client.getUserInfo(TOKEN)

    expect(upstream.count).toBe(2)
  })

  it('makes the next getUserInfoByName a new request once it resolves', async () => {
    const upstream = changingServer('/users/:username')
    upstream.held.open()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfoByName('some-user', TOKEN)
    upstream.name = 'new'

    await client.clearCache()

    expect((await client.getUserInfoByName('some-user', TOKEN)).name).toBe('new')
    expect(upstream.count).toBe(2)
  })

  it('never lets a getUserInfo fetch in flight land: the pending call gets the new data', async () => {
    const upstream = changingServer('/user-info')
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const pending = client.getUserInfo(TOKEN)
    await upstream.arrived.promise
    const cleared = client.clearCache()
    upstream.name = 'new'
    upstream.held.open()
    await cleared

    expect((await pending).name).toBe('new')
    expect((await client.getUserInfo(TOKEN)).name).toBe('new')
    expect(upstream.count).toBe(2)
  })

  it('never lets a getUserInfoByName fetch in flight land: the pending call gets the new data', async () => {
    const upstream = changingServer('/users/:username')
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const pending = client.getUserInfoByName('some-user', TOKEN)
    await upstream.arrived.promise
    const cleared = client.clearCache()
    upstream.name = 'new'
    upstream.held.open()
    await cleared

    const user = await pending
    expect(user.username).toBe('some-user')
    expect(user.name).toBe('new')
    expect((await client.getUserInfoByName('some-user', TOKEN)).name).toBe('new')
  })

  it('gives every caller waiting on the cancelled fetch the new data', async () => {
    const upstream = changingServer('/user-info')
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const pending = Array.from({ length: 5 }, () => client.getUserInfo(TOKEN))
    await upstream.arrived.promise
    const cleared = client.clearCache()
    upstream.name = 'new'
    upstream.held.open()
    await cleared

    const users = await Promise.all(pending)
    expect(users.map((user) => user.name)).toEqual(['new', 'new', 'new', 'new', 'new'])
    expect(requestsTo(USER_INFO_URL)).toHaveLength(2)
  })

  it('makes a subscribed observer fetch again and show the new data', async () => {
    const upstream = changingServer('/user-info')
    upstream.held.open()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const { observer, unsubscribe } = observeUserInfo(client)
    try {
      await vi.waitFor(() => expect(observer.getCurrentResult().data?.name).toBe('old'))
      upstream.name = 'new'

      await client.clearCache()

      await vi.waitFor(() => expect(observer.getCurrentResult().data?.name).toBe('new'))
      expect(upstream.count).toBe(2)
    } finally {
      unsubscribe()
    }
  })

  it('never shows a subscribed observer the data of a fetch cancelled in flight', async () => {
    const upstream = changingServer('/user-info')
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const { observer, seen, unsubscribe } = observeUserInfo(client)
    try {
      await upstream.arrived.promise
      const cleared = client.clearCache()
      upstream.name = 'new'
      upstream.held.open()
      await cleared

      await vi.waitFor(() => expect(observer.getCurrentResult().data?.name).toBe('new'))
      expect(seen).not.toContain('old')
      expect((await client.getUserInfo(TOKEN)).name).toBe('new')
    } finally {
      unsubscribe()
    }
  })

  it('empties both caches of entries nothing observes', async () => {
    const upstream = changingServer('/user-info')
    upstream.held.open()
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
        HttpResponse.json({ username: params.username }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfo(TOKEN)
    await client.getUserInfoByName('some-user', TOKEN)

    await client.clearCache()

    expect(client.userInfoCache.getQueryCache().getAll()).toEqual([])
    expect(client.usernameCache.getQueryCache().getAll()).toEqual([])
  })
})
