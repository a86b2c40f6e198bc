import { HttpResponse, http, type JsonBodyType } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  DiscoveryClient,
  GafaelfawrClient,
  GafaelfawrDiscoveryError,
  GafaelfawrError,
  RepertoireUrlError,
  RepertoireWebError,
} from '../../src/client'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import fullQuota from '../fixtures/gafaelfawr/userinfo-full-quota.json'
import ldapNullQuota from '../fixtures/gafaelfawr/userinfo-ldap-null-quota.json'
import usersList from '../fixtures/gafaelfawr/users-list-firestore.json'
import gafaelfawrOnly from '../fixtures/repertoire/gafaelfawr-only.json'
import minimal from '../fixtures/repertoire/minimal.json'
import phalanx from '../fixtures/repertoire/phalanx.json'
import { GAFAELFAWR_URL, REPERTOIRE_URL, server } from '../support/server'
import { caught, OTHER_TOKEN, requests, requestsTo, TOKEN, withoutRepertoireEnv } from './helpers'

const DISCOVERY_URL = `${REPERTOIRE_URL}/discovery`

function serveUserInfo(body: JsonBodyType): void {
  server.use(http.get(`${GAFAELFAWR_URL}/user-info`, () => HttpResponse.json(body)))
}

describe('GafaelfawrClient: where Gafaelfawr is', () => {
  it('uses baseUrl as given and makes no discovery request', async () => {
    serveUserInfo(someuser)
    const client = new GafaelfawrClient({ baseUrl: `${GAFAELFAWR_URL}/` })

    const user = await client.getUserInfo(TOKEN)

    expect(user.username).toBe('someuser')
    expect(client.discoveryClient).toBeUndefined()
    expect(requests.map((request) => request.url)).toEqual([`${GAFAELFAWR_URL}/user-info`])
  })

  it('takes the v1 URL from the Gafaelfawr-only discovery document', async () => {
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(gafaelfawrOnly)))
    serveUserInfo(someuser)
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })

    expect(await client.resolveBaseUrl()).toBe(GAFAELFAWR_URL)
    expect((await client.getUserInfo(TOKEN)).username).toBe('someuser')
    expect(requests.map((request) => request.url)).toEqual([
      DISCOVERY_URL,
      `${GAFAELFAWR_URL}/user-info`,
    ])
  })

  it('takes the v1 URL from the full Phalanx discovery document', async () => {
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(phalanx)))
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
        HttpResponse.json({ username: params.username }),
      ),
    )
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })

    expect((await client.getUserInfoByName('some-user', TOKEN)).username).toBe('some-user')
    expect(requestsTo(GAFAELFAWR_URL).map((request) => request.url)).toEqual([
      `${GAFAELFAWR_URL}/users/some-user`,
    ])
  })

  it('uses the versioned v1 URL, never the unversioned service URL', async () => {
    server.use(
      http.get(DISCOVERY_URL, () =>
        HttpResponse.json({
          services: {
            internal: {
              gafaelfawr: {
                url: 'https://data.example.com/auth/api',
                versions: { v1: { url: 'https://v1.example.com/gafaelfawr/v1/' } },
              },
            },
          },
        }),
      ),
      http.get('https://v1.example.com/gafaelfawr/v1/user-info', () => HttpResponse.json(someuser)),
    )
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })

    expect((await client.getUserInfo(TOKEN)).username).toBe('someuser')
    expect(requestsTo('https://data.example.com/auth')).toEqual([])
    expect(requestsTo('https://v1.example.com/').map((request) => request.url)).toEqual([
      'https://v1.example.com/gafaelfawr/v1/user-info',
    ])
  })

  it('uses a discovery client it is given', async () => {
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(gafaelfawrOnly)))
    serveUserInfo(someuser)
    const discoveryClient = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })
    await discoveryClient.getDiscovery()
    const client = new GafaelfawrClient({ discoveryClient })

    await client.getUserInfo(TOKEN)

    expect(client.discoveryClient).toBe(discoveryClient)
    // The shared client's cached document served this read: no second discovery request.
    expect(requestsTo(DISCOVERY_URL)).toHaveLength(1)
  })

  it('throws GafaelfawrDiscoveryError when discovery does not list Gafaelfawr', async () => {
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(minimal)))
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })

    const error = await caught(() => client.getUserInfo(TOKEN))

    expect(error).toBeInstanceOf(GafaelfawrDiscoveryError)
    expect(error).toBeInstanceOf(GafaelfawrError)
    expect((error as Error).message).toBe('gafaelfawr (v1) service not found in service discovery')
    expect(requestsTo(GAFAELFAWR_URL)).toEqual([])
  })

  it('throws GafaelfawrDiscoveryError when Gafaelfawr is listed without a v1 version', async () => {
    server.use(
      http.get(DISCOVERY_URL, () =>
        HttpResponse.json({
          services: { internal: { gafaelfawr: { url: 'https://data.example.com/auth/api' } } },
        }),
      ),
    )
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })

    const error = await caught(() => client.getUserInfoByName('some-user', TOKEN))

    expect(error).toBeInstanceOf(GafaelfawrDiscoveryError)
    expect((error as Error).message).toBe('gafaelfawr (v1) service not found in service discovery')
    expect(requestsTo('https://data.example.com/auth')).toEqual([])
  })

  it('passes a discovery failure on as the Repertoire error', async () => {
    server.use(http.get(DISCOVERY_URL, () => new HttpResponse('missing', { status: 404 })))
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })

    const error = await caught(() => client.getUserInfo(TOKEN))

    expect(error).toBeInstanceOf(RepertoireWebError)
    expect((error as RepertoireWebError).status).toBe(404)
  })

  describe('without any Repertoire URL', () => {
    withoutRepertoireEnv()

    it('refuses to be built, naming the option and REPERTOIRE_BASE_URL', () => {
      expect(() => new GafaelfawrClient()).toThrow(RepertoireUrlError)
      expect(() => new GafaelfawrClient()).toThrow(/repertoireUrl/)
      expect(() => new GafaelfawrClient()).toThrow(/REPERTOIRE_BASE_URL/)
    })

    it('finds Repertoire through REPERTOIRE_BASE_URL', async () => {
      process.env.REPERTOIRE_BASE_URL = `${REPERTOIRE_URL}/`
      server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(gafaelfawrOnly)))
      serveUserInfo(otheruser)
      const client = new GafaelfawrClient()

      expect((await client.getUserInfo(TOKEN)).username).toBe('otheruser')
      expect(requestsTo(DISCOVERY_URL)).toHaveLength(1)
    })
  })
})

describe('GafaelfawrClient: credentials', () => {
  beforeEach(() => serveUserInfo(someuser))

  it('sends the token given to getUserInfo as a bearer token', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    await client.getUserInfo(TOKEN)

    expect(requests).toEqual([
      { method: 'GET', url: `${GAFAELFAWR_URL}/user-info`, authorization: `Bearer ${TOKEN}` },
    ])
  })

  it('sends the constructor token when the call names none', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: TOKEN })

    await client.getUserInfo()

    expect(requests.map((request) => request.authorization)).toEqual([`Bearer ${TOKEN}`])
  })

  it('prefers the token of the call to the constructor token', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: TOKEN })

    await client.getUserInfo(OTHER_TOKEN)

    expect(requests.map((request) => request.authorization)).toEqual([`Bearer ${OTHER_TOKEN}`])
  })

  it('sends no Authorization header without any token', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    await client.getUserInfo()

    expect(requests).toHaveLength(1)
    expect(requests[0]?.authorization).toBeNull()
  })

  it('asks for JSON', async () => {
    let accept: string | null = null
    server.use(
      http.get(`${GAFAELFAWR_URL}/user-info`, ({ request }) => {
        accept = request.headers.get('accept')
        return HttpResponse.json(someuser)
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    await client.getUserInfo(TOKEN)

    expect(accept).toBe('application/json')
  })
})

describe('GafaelfawrClient: users by name', () => {
  it('gets GET {v1}/users/{username} with the token', async () => {
    const someUser = usersList.find((user) => user.username === 'some-user')
    server.use(http.get(`${GAFAELFAWR_URL}/users/some-user`, () => HttpResponse.json(someUser)))
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfoByName('some-user', TOKEN)

    expect(user.username).toBe('some-user')
    expect(user.name).toBe('名字')
    expect(user.email).toBeNull()
    expect(requests).toEqual([
      { method: 'GET', url: `${GAFAELFAWR_URL}/users/some-user`, authorization: `Bearer ${TOKEN}` },
    ])
  })

  it('sends the constructor token for a by-name lookup that names none', async () => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
        HttpResponse.json({ username: params.username }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: OTHER_TOKEN })

    await client.getUserInfoByName('ldap-user')

    expect(requests.map((request) => request.authorization)).toEqual([`Bearer ${OTHER_TOKEN}`])
  })

  it('returns a user unknown to LDAP with only a username and every default', async () => {
    const unknown = usersList.find((user) => user.username === 'unknown-user')
    expect(unknown).toEqual({ username: 'unknown-user' })
    server.use(http.get(`${GAFAELFAWR_URL}/users/unknown-user`, () => HttpResponse.json(unknown)))
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfoByName('unknown-user', TOKEN)

    expect(user).toEqual({
      username: 'unknown-user',
      name: null,
      email: null,
      uid: null,
      gid: null,
      groups: [],
      quota: null,
    })
  })
})

describe('GafaelfawrClient: every user-information fixture', () => {
  it('parses someuser.json with the TAP quota and the other quota parts defaulted', async () => {
    serveUserInfo(someuser)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfo(TOKEN)

    expect(user).toEqual({
      username: 'someuser',
      name: 'Some User',
      email: 'someuser@example.com',
      uid: 2000,
      gid: 1045,
      groups: [{ id: 1222, name: 'foo' }],
      quota: { api: {}, disk: {}, notebook: null, tap: { ssotap: { concurrent: 2 } } },
    })
  })

  it('parses otheruser.json with email and quota restored to null', async () => {
    serveUserInfo(otheruser)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfo(TOKEN)

    expect(user.email).toBeNull()
    expect(user.quota).toBeNull()
    expect(user.groups).toEqual([{ id: 1222, name: 'foo' }])
  })

  it('parses the full quota, including disk', async () => {
    serveUserInfo(fullQuota)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfo(TOKEN)

    expect(user.quota).toEqual({
      api: { datalinker: 1000, other: 2, test: 2 },
      disk: { '/home': 42949672960 },
      notebook: { cpu: 8, memory: 8, spawn: true },
      tap: { qserv: { concurrent: 15 }, sso: { concurrent: 5 } },
    })
  })

  it('parses an explicit null quota', async () => {
    serveUserInfo(ldapNullQuota)
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfo(TOKEN)

    expect(user.username).toBe('ldap')
    expect(user.quota).toBeNull()
    expect(user.uid).toBe(1000)
  })

  it('restores spawn: true when a notebook quota omits it', async () => {
    serveUserInfo({ username: 'nb-user', quota: { notebook: { cpu: 2, memory: 4.5 } } })
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfo(TOKEN)

    expect(user.quota).toEqual({
      api: {},
      disk: {},
      notebook: { cpu: 2, memory: 4.5, spawn: true },
      tap: {},
    })
  })

  it('keeps spawn: false when the server sends it', async () => {
    serveUserInfo({ username: 'nb-user', quota: { notebook: { cpu: 2, memory: 4, spawn: false } } })
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    expect((await client.getUserInfo(TOKEN)).quota?.notebook?.spawn).toBe(false)
  })

  it('keeps fields it does not know, at every level', async () => {
    serveUserInfo({
      ...fullQuota,
      pronouns: 'they/them',
      groups: [{ id: 12313, name: 'foo', kind: 'posix' }],
      quota: {
        ...fullQuota.quota,
        gpu: { count: 1 },
        notebook: { ...fullQuota.quota.notebook, gpus: 1 },
      },
    })
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfo(TOKEN)

    expect(user.pronouns).toBe('they/them')
    expect(user.groups[0]?.kind).toBe('posix')
    expect(user.quota?.gpu).toEqual({ count: 1 })
    expect(user.quota?.notebook?.gpus).toBe(1)
    expect(user.quota?.disk).toEqual({ '/home': 42949672960 })
  })

  it('parses every entry of the users list as a by-name reply', async () => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
        HttpResponse.json(usersList.find((user) => user.username === params.username)),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const users = await Promise.all(
      usersList.map((entry) => client.getUserInfoByName(entry.username, TOKEN)),
    )

    expect(users.map((user) => user.username)).toEqual(usersList.map((entry) => entry.username))
    expect(users.map((user) => user.uid)).toEqual([3000000, null, 3000001, null])
    expect(users.map((user) => user.groups.length)).toEqual([4, 1, 2, 0])
    expect(users.every((user) => user.quota === null)).toBe(true)
  })
})
