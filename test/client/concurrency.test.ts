import { HttpResponse, http, type JsonBodyType } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { GafaelfawrClient } from '../../src/client'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import gafaelfawrOnly from '../fixtures/repertoire/gafaelfawr-only.json'
import { GAFAELFAWR_URL, REPERTOIRE_URL, server } from '../support/server'
import { gate, requestsTo, TOKEN } from './helpers'

const USER_INFO_URL = `${GAFAELFAWR_URL}/user-info`

describe('concurrent identical reads', () => {
  it('make exactly one request for 50 getUserInfo calls', async () => {
    const held = gate()
    server.use(
      http.get(USER_INFO_URL, async () => {
        await held.promise
        return HttpResponse.json(someuser)
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const pending = Array.from({ length: 50 }, () => client.getUserInfo(TOKEN))
    held.open()
    const users = await Promise.all(pending)

    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
    expect(new Set(users.map((user) => user.username))).toEqual(new Set(['someuser']))
  })

  it('make exactly one request for 50 getUserInfoByName calls', async () => {
    const held = gate()
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, async ({ params }) => {
        await held.promise
        return HttpResponse.json({ username: params.username })
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const pending = Array.from({ length: 50 }, () => client.getUserInfoByName('some-user', TOKEN))
    held.open()
    await Promise.all(pending)

    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })

  it('make one discovery request and one user request when Gafaelfawr is discovered', async () => {
    const held = gate()
    server.use(
      http.get(`${REPERTOIRE_URL}/discovery`, async () => {
        await held.promise
        return HttpResponse.json(gafaelfawrOnly)
      }),
      http.get(USER_INFO_URL, () => HttpResponse.json(someuser)),
    )
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })

    const pending = Array.from({ length: 50 }, () => client.getUserInfo(TOKEN))
    held.open()
    await Promise.all(pending)

    expect(requestsTo(`${REPERTOIRE_URL}/discovery`)).toHaveLength(1)
    expect(requestsTo(USER_INFO_URL)).toHaveLength(1)
  })

  it('share one failure between every waiting caller', async () => {
    const held = gate()
    server.use(
      http.get(USER_INFO_URL, async () => {
        await held.promise
        return HttpResponse.json({ detail: 'no' }, { status: 403 })
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const pending = Array.from({ length: 10 }, () => client.getUserInfo(TOKEN))
    held.open()
    const results = await Promise.allSettled(pending)

    expect(results.every((result) => result.status === 'rejected')).toBe(true)
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })
})

describe('distinct misses', () => {
  /** A handler that holds every request until the test opens the gate, counting them. */
  function heldHandler(path: string, reply: (params: Record<string, unknown>) => JsonBodyType) {
    const held = gate()
    const state = { inFlight: 0, most: 0 }
    server.use(
      http.get(`${GAFAELFAWR_URL}${path}`, async ({ params }) => {
        state.inFlight++
        state.most = Math.max(state.most, state.inFlight)
        await held.promise
        state.inFlight--
        return HttpResponse.json(reply(params))
      }),
    )
    return { held, state }
  }

  it('run in parallel: 10 distinct names are all in flight at once', async () => {
    const { held, state } = heldHandler('/users/:username', (params) => ({
      username: params.username,
    }))
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const names = Array.from({ length: 10 }, (_, i) => `user-${i}`)

    const pending = names.map((name) => client.getUserInfoByName(name, TOKEN))
    await vi.waitFor(() => expect(state.inFlight).toBe(10), { timeout: 2000 })
    held.open()
    const users = await Promise.all(pending)

    expect(state.most).toBe(10)
    expect(users.map((user) => user.username)).toEqual(names)
  })

  it('run in parallel: 5 distinct tokens are all in flight at once', async () => {
    const { held, state } = heldHandler('/user-info', () => someuser)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const tokens = Array.from({ length: 5 }, (_, i) => `${TOKEN}${i}`)

    const pending = tokens.map((token) => client.getUserInfo(token))
    await vi.waitFor(() => expect(state.inFlight).toBe(5), { timeout: 2000 })
    held.open()
    await Promise.all(pending)

    expect(state.most).toBe(5)
    expect(
      requestsTo(GAFAELFAWR_URL)
        .map((request) => request.authorization)
        .sort(),
    ).toEqual(tokens.map((token) => `Bearer ${token}`).sort())
  })

  it('do not wait for one another: a fast name resolves while a slow one is held', async () => {
    const held = gate()
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/slow-user`, async () => {
        await held.promise
        return HttpResponse.json({ username: 'slow-user' })
      }),
      http.get(`${GAFAELFAWR_URL}/users/fast-user`, () =>
        HttpResponse.json({ username: 'fast-user' }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const slow = client.getUserInfoByName('slow-user', TOKEN)
    const fast = await client.getUserInfoByName('fast-user', TOKEN)

    expect(fast.username).toBe('fast-user')
    held.open()
    expect((await slow).username).toBe('slow-user')
  })
})
