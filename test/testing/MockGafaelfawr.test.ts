import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MockGafaelfawr, mockUsers } from '../../src/testing/index'
import { GAFAELFAWR_URL, REPERTOIRE_URL, server } from '../support/server'
import { call, invalidTokenChallenge, TOKEN_FORMAT, UNKNOWN_TOKEN, USERNAME_RULE } from './support'

// Every row of spec §3 and the reply shapes of spec §2, through the MSW handlers.

const REALM = 'data.example.com'
const USER_INFO = `${GAFAELFAWR_URL}/user-info`
const byName = (username: string) => `${GAFAELFAWR_URL}/users/${username}`
const { complete, usernameOnly, noNameEmail, github } = mockUsers

let mock: MockGafaelfawr

beforeEach(() => {
  mock = new MockGafaelfawr()
  server.use(...mock.handlers)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('MockGafaelfawr: tokens', () => {
  it('issues tokens of the real format, a different one each time', () => {
    const first = mock.createToken('rachel')
    const second = mock.createToken('rachel')

    expect(first).toMatch(TOKEN_FORMAT)
    expect(second).toMatch(TOKEN_FORMAT)
    expect(second).not.toBe(first)
  })

  it('refuses to issue a token for a username that breaks the rule', () => {
    expect(() => mock.createToken('Rachel')).toThrow(RangeError)
    expect(() => mock.createToken('1234')).toThrow(RangeError)
    expect(() => mock.setUserInfo('a--b', { username: 'a--b' })).toThrow(RangeError)
  })
})

describe('MockGafaelfawr: discovery', () => {
  it('serves a document whose Gafaelfawr v1 URL is the base URL, to any origin', async () => {
    const reply = await call(`${REPERTOIRE_URL}/discovery`)

    expect(reply.status).toBe(200)
    expect(reply.headers.get('access-control-allow-origin')).toBe('*')
    expect(reply.body).toStrictEqual({
      services: {
        internal: {
          gafaelfawr: {
            url: 'https://data.example.com/auth/api',
            versions: { v1: { url: GAFAELFAWR_URL } },
          },
        },
      },
    })
  })

  it('serves a replaced document, and the default again once it is cleared', async () => {
    mock.setDiscovery({})
    expect((await call(`${REPERTOIRE_URL}/discovery`)).body).toStrictEqual({})

    mock.setDiscovery(undefined)
    const reply = await call(`${REPERTOIRE_URL}/discovery`)
    expect(reply.body).toHaveProperty(
      'services.internal.gafaelfawr.versions.v1.url',
      GAFAELFAWR_URL,
    )
  })

  it('answers on the URLs it was given', async () => {
    const custom = new MockGafaelfawr({
      repertoireUrl: 'https://other.example.org/discovery-service/',
      baseUrl: 'https://other.example.org/gafaelfawr/v1/',
    })
    server.use(...custom.handlers)
    const token = custom.createToken('rachel')

    const discovery = await call('https://other.example.org/discovery-service/discovery')
    const user = await call('https://other.example.org/gafaelfawr/v1/user-info', { token })

    expect(discovery.body).toHaveProperty(
      'services.internal.gafaelfawr.versions.v1.url',
      'https://other.example.org/gafaelfawr/v1',
    )
    expect(user.body).toStrictEqual({ username: 'rachel', groups: [] })
  })

  it('matches relative URLs on any origin and names that origin in discovery', async () => {
    const relative = new MockGafaelfawr({ repertoireUrl: '/repertoire', baseUrl: '/auth/api/v1' })
    server.use(...relative.handlers)
    relative.setSessionUser('rachel')

    const discovery = await call('http://localhost:6006/repertoire/discovery')
    const user = await call('http://localhost:6006/auth/api/v1/user-info')

    expect(discovery.body).toHaveProperty(
      'services.internal.gafaelfawr.versions.v1.url',
      'http://localhost:6006/auth/api/v1',
    )
    expect(user.status).toBe(200)
    expect(relative.handles('https://elsewhere.example.org/auth/api/v1/user-info')).toBe(true)
    expect(relative.handles('http://localhost:6006/auth/api/v2/user-info')).toBe(false)
  })

  it('claims only its own paths', () => {
    expect(mock.handles(`${REPERTOIRE_URL}/discovery`)).toBe(true)
    expect(mock.handles(`${GAFAELFAWR_URL}/users/rachel`)).toBe(true)
    expect(mock.handles(`${REPERTOIRE_URL}/other`)).toBe(false)
    expect(mock.handles('https://data.example.com/auth/api/v10/user-info')).toBe(false)
    expect(mock.handles('https://other.example.com/auth/api/v1/user-info')).toBe(false)
  })
})

describe('MockGafaelfawr: GET /user-info', () => {
  it('answers the token holder with every field of a complete user', async () => {
    mock.setUserInfo(complete.username, complete)
    const token = mock.createToken(complete.username)

    const reply = await call(USER_INFO, { token })

    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe('application/json')
    expect(reply.body).toStrictEqual(complete)
  })

  it('omits null fields but keeps an empty group list and empty quota parts', async () => {
    mock.setUserInfo('sparse', {
      username: 'sparse',
      name: null,
      email: 'sparse@example.com',
      uid: null,
      quota: { notebook: null, tap: { qserv: { concurrent: 1 } } },
    })

    const reply = await call(USER_INFO, { token: mock.createToken('sparse') })

    expect(reply.text).toBe(
      '{"username":"sparse","email":"sparse@example.com","groups":[],' +
        '"quota":{"api":{},"disk":{},"tap":{"qserv":{"concurrent":1}}}}',
    )
  })

  it('sends a user without name and email without those fields', async () => {
    mock.setUserInfo(noNameEmail.username, noNameEmail)

    const reply = await call(USER_INFO, { token: mock.createToken(noNameEmail.username) })

    expect(reply.body).toStrictEqual(noNameEmail)
    expect(reply.body).not.toHaveProperty('name')
    expect(reply.body).not.toHaveProperty('email')
  })

  it('sorts groups by name and restores a notebook quota default of spawn: true', async () => {
    mock.setUserInfo('sorted', {
      username: 'sorted',
      groups: [
        { name: 'zeta', id: 3 },
        { name: 'alpha', id: 1 },
      ],
      quota: { notebook: { cpu: 1, memory: 2 } },
    })

    const reply = await call(USER_INFO, { token: mock.createToken('sorted') })

    expect(reply.body).toStrictEqual({
      username: 'sorted',
      groups: [
        { name: 'alpha', id: 1 },
        { name: 'zeta', id: 3 },
      ],
      quota: { api: {}, disk: {}, notebook: { cpu: 1, memory: 2, spawn: true }, tap: {} },
    })
  })

  it('reads the directory at request time, after the handlers were installed', async () => {
    const token = mock.createToken('rachel')
    expect((await call(USER_INFO, { token })).body).toStrictEqual({
      username: 'rachel',
      groups: [],
    })

    mock.setUserInfo('rachel', complete)

    expect((await call(USER_INFO, { token })).body).toStrictEqual(complete)
  })

  it('answers from the token data alone once the user is removed from the directory', async () => {
    mock.setUserInfo('rachel', complete)
    const token = mock.createToken('rachel')

    mock.setUserInfo('rachel', null)
    const reply = await call(USER_INFO, { token })

    expect(reply.status).toBe(200)
    expect(reply.body).toStrictEqual({ username: 'rachel', groups: [] })
  })

  it('stores its own copy of the user information, under the given username', async () => {
    const info = structuredClone({ ...github, username: 'someone-else' })
    mock.setUserInfo(github.username, info)
    info.name = 'Changed Afterwards'

    const reply = await call(USER_INFO, { token: mock.createToken(github.username) })

    expect(reply.body).toStrictEqual(github)
  })
})

describe('MockGafaelfawr: credentials', () => {
  it('answers 401 with an object detail and a bare challenge when nothing is sent', async () => {
    const reply = await call(USER_INFO)

    expect(reply.status).toBe(401)
    expect(reply.text).toBe(
      '{"detail":{"msg":"Authentication required","type":"no_authorization"}}',
    )
    expect(reply.headers.get('www-authenticate')).toBe(`Bearer realm="${REALM}"`)
    expect(reply.headers.get('cache-control')).toBe('no-cache, no-store')
  })

  it('answers 401 invalid_token with a challenge for a token it never issued', async () => {
    const reply = await call(USER_INFO, { token: UNKNOWN_TOKEN })

    expect(reply.status).toBe(401)
    expect(reply.body).toStrictEqual({
      detail: [{ msg: 'Token is not valid', type: 'invalid_token' }],
    })
    expect(reply.headers.get('www-authenticate')).toBe(invalidTokenChallenge(REALM))
    expect(reply.headers.get('x-error-status')).toBe('401')
    expect(reply.headers.get('x-error-body')).toBe(
      '{"detail": [{"msg": "Token is not valid", "type": "invalid_token"}]}',
    )
    expect(reply.headers.get('cache-control')).toBe('no-cache, no-store')
  })

  it('answers 401 invalid_token once a token has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T12:00:00Z') })
    const token = mock.createToken('rachel', { expires: new Date('2026-11-29T12:05:00Z') })
    const timestamped = mock.createToken('rachel', { expires: Date.now() + 60_000 })

    expect((await call(USER_INFO, { token })).status).toBe(200)
    expect((await call(USER_INFO, { token: timestamped })).status).toBe(200)
    vi.setSystemTime(new Date('2026-11-29T12:05:00Z'))

    const reply = await call(USER_INFO, { token })
    expect(reply.status).toBe(401)
    expect(reply.body).toStrictEqual({
      detail: [{ msg: 'Token is not valid', type: 'invalid_token' }],
    })
    expect((await call(USER_INFO, { token: timestamped })).status).toBe(401)
  })

  it.each([
    ['not-a-token', 'Token does not start with gt-'],
    ['gt-short.token', 'Token is malformed'],
    [`gt-${'A'.repeat(22)}${'B'.repeat(22)}`, 'Token is malformed'],
  ])('answers 401 invalid_token for the malformed token %s', async (token, message) => {
    const reply = await call(USER_INFO, { token })

    expect(reply.status).toBe(401)
    expect(reply.body).toStrictEqual({ detail: [{ msg: message, type: 'invalid_token' }] })
    expect(reply.headers.get('www-authenticate')).toBe(invalidTokenChallenge(REALM, message))
  })

  it.each([
    ['Bearer', 'Malformed Authorization header'],
    ['Token gt-x.y', 'Unknown Authorization type Token'],
    [
      `Basic ${btoa('no-colon-here')}`,
      'Invalid Basic auth string: not enough values to unpack (expected 2, got 1)',
    ],
  ])('answers 403 invalid_request to the header %s', async (header, message) => {
    const reply = await call(USER_INFO, { headers: { Authorization: header } })

    expect(reply.status).toBe(403)
    expect(reply.body).toStrictEqual({ detail: [{ msg: message, type: 'invalid_request' }] })
    expect(reply.headers.get('x-error-status')).toBe('400')
    expect(reply.headers.get('www-authenticate')).toBe(
      `Bearer realm="${REALM}", error="invalid_request", error_description="${message}"`,
    )
  })

  it('accepts a token as the user name or password of Basic authentication', async () => {
    const token = mock.createToken('rachel')

    const asPassword = await call(USER_INFO, {
      headers: { Authorization: `Basic ${btoa(`x-oauth-basic:${token}`)}` },
    })
    const asUser = await call(USER_INFO, {
      headers: { Authorization: `Basic ${btoa(`${token}:x-oauth-basic`)}` },
    })
    const withoutToken = await call(USER_INFO, {
      headers: { Authorization: `Basic ${btoa('rachel:password')}` },
    })

    expect(asPassword.body).toStrictEqual({ username: 'rachel', groups: [] })
    expect(asUser.body).toStrictEqual({ username: 'rachel', groups: [] })
    expect(withoutToken.status).toBe(401)
    expect(withoutToken.body).toHaveProperty('detail.type', 'no_authorization')
  })

  it('answers a request without Authorization header as the session user', async () => {
    mock.setUserInfo(complete.username, complete)
    mock.setSessionUser(complete.username)

    const reply = await call(USER_INFO)

    expect(reply.status).toBe(200)
    expect(reply.body).toStrictEqual(complete)
    expect(mock.requests.at(-1)).toMatchObject({ credential: 'session', username: 'rachel' })
  })

  it('checks the session cookie before the Authorization header', async () => {
    mock.setSessionUser('rachel')
    const token = mock.createToken('someone')

    const withCookie = await call(USER_INFO, { token, headers: { Cookie: 'gafaelfawr=opaque' } })
    const withoutCookie = await call(USER_INFO, { token })

    expect(withCookie.body).toStrictEqual({ username: 'rachel', groups: [] })
    expect(withoutCookie.body).toStrictEqual({ username: 'someone', groups: [] })
  })

  it('checks the header when a cookie comes without a session, and 401 after logout', async () => {
    mock.setSessionUser('rachel')
    mock.setSessionUser(null)
    const token = mock.createToken('someone')

    const withToken = await call(USER_INFO, { token, headers: { Cookie: 'gafaelfawr=stale' } })
    const withNothing = await call(USER_INFO)

    expect(withToken.body).toStrictEqual({ username: 'someone', groups: [] })
    expect(withNothing.status).toBe(401)
    expect(withNothing.body).toHaveProperty('detail.type', 'no_authorization')
  })
})

describe('MockGafaelfawr: GET /users/{username}', () => {
  let admin: string

  beforeEach(() => {
    admin = mock.createToken('admin-user', { scopes: ['admin:userinfo'] })
  })

  it('answers an admin token with the user, every default omitted', async () => {
    mock.setUserInfo(complete.username, complete)

    const reply = await call(byName(complete.username), { token: admin })

    expect(reply.status).toBe(200)
    const { notebook, ...quota } = complete.quota ?? {}
    expect(reply.body).toStrictEqual({
      ...complete,
      quota: { ...quota, notebook: { cpu: notebook?.cpu, memory: notebook?.memory } },
    })
  })

  it('omits groups: [], empty quota parts and spawn: true, but keeps spawn: false', async () => {
    mock.setUserInfo('defaults', { username: 'defaults', groups: [], quota: {} })
    mock.setUserInfo('no-spawn', {
      username: 'no-spawn',
      quota: { api: {}, notebook: { cpu: 1, memory: 2, spawn: false } },
    })

    const defaults = await call(byName('defaults'), { token: admin })
    const noSpawn = await call(byName('no-spawn'), { token: admin })

    expect(defaults.text).toBe('{"username":"defaults","quota":{}}')
    expect(noSpawn.text).toBe(
      '{"username":"no-spawn","quota":{"notebook":{"cpu":1,"memory":2,"spawn":false}}}',
    )
  })

  it('answers 200 with the username alone for a user unknown to LDAP', async () => {
    const reply = await call(byName(usernameOnly.username), { token: admin })

    expect(reply.status).toBe(200)
    expect(reply.text).toBe(JSON.stringify(usernameOnly))
  })

  it('lets a user without admin:userinfo look themselves up', async () => {
    mock.setUserInfo(github.username, github)

    const reply = await call(byName(github.username), {
      token: mock.createToken(github.username),
    })

    expect(reply.status).toBe(200)
    expect(reply.body).toStrictEqual(github)
  })

  it('answers 403 permission_denied for another user without admin:userinfo', async () => {
    const token = mock.createToken('rachel', { scopes: ['read:all', 'exec:notebook'] })

    const reply = await call(byName('someone'), { token })

    expect(reply.status).toBe(403)
    expect(reply.text).toBe(
      '{"detail":[{"msg":"Cannot get information for user someone","type":"permission_denied"}]}',
    )
  })

  it('honours the session token scopes for by-name lookups', async () => {
    mock.setSessionUser('rachel', { scopes: ['admin:userinfo'] })

    expect((await call(byName('someone'))).status).toBe(200)
  })

  it('answers 404 not_supported without LDAP, to admins and before any permission check', async () => {
    mock.setLdapConfigured(false)
    const plain = mock.createToken('rachel')

    const asAdmin = await call(byName('someone'), { token: admin })
    const asOther = await call(byName('someone'), { token: plain })
    const asSelf = await call(byName('rachel'), { token: plain })
    const userInfo = await call(USER_INFO, { token: plain })

    for (const reply of [asAdmin, asOther, asSelf]) {
      expect(reply.status).toBe(404)
      expect(reply.body).toStrictEqual({
        detail: [{ msg: 'No external user information source configured', type: 'not_supported' }],
      })
    }
    expect(userInfo.status).toBe(200)
  })

  it('answers 422 string_pattern_mismatch for a username that breaks the rule', async () => {
    const reply = await call(byName('Bad_Name'), { token: admin })
    const pattern = USERNAME_RULE.source

    expect(reply.status).toBe(422)
    expect(reply.body).toStrictEqual({
      detail: [
        {
          type: 'string_pattern_mismatch',
          loc: ['path', 'username'],
          msg: `String should match pattern '${pattern}'`,
          input: 'Bad_Name',
          ctx: { pattern },
        },
      ],
    })
  })

  it('answers 422 string_too_long for a username over 64 characters', async () => {
    const long = 'a'.repeat(65)

    const reply = await call(byName(long), { token: admin })

    expect(reply.status).toBe(422)
    expect(reply.body).toStrictEqual({
      detail: [
        {
          type: 'string_too_long',
          loc: ['path', 'username'],
          msg: 'String should have at most 64 characters',
          input: long,
          ctx: { max_length: 64 },
        },
      ],
    })
  })

  it('authenticates before it validates the username', async () => {
    const reply = await call(byName('Bad_Name'))

    expect(reply.status).toBe(401)
    expect(reply.body).toHaveProperty('detail.type', 'no_authorization')
  })

  it('answers 404 Not Found for a name holding an encoded slash, and for other paths', async () => {
    const slash = await call(byName('a%2Fb'), { token: admin })
    const unknown = await call(`${GAFAELFAWR_URL}/nothing-here`, { token: admin })

    expect(slash.status).toBe(404)
    expect(slash.body).toStrictEqual({ detail: 'Not Found' })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toStrictEqual({ detail: 'Not Found' })
  })

  it('answers 405 with Allow: GET to other methods', async () => {
    const reply = await call(USER_INFO, { method: 'POST', token: admin })

    expect(reply.status).toBe(405)
    expect(reply.body).toStrictEqual({ detail: 'Method Not Allowed' })
    expect(reply.headers.get('allow')).toBe('GET')
  })
})

describe('MockGafaelfawr: failOn', () => {
  let admin: string

  beforeEach(() => {
    admin = mock.createToken('admin-user', { scopes: ['admin:userinfo'] })
  })

  it('fails /user-info with 500 user_info_failed for that user only', async () => {
    mock.failOn('rachel', ['user-info'])

    const failed = await call(USER_INFO, { token: mock.createToken('rachel') })
    const other = await call(USER_INFO, { token: mock.createToken('someone') })
    const byNameStillWorks = await call(byName('rachel'), { token: admin })

    expect(failed.status).toBe(500)
    expect(failed.text).toBe(
      '{"detail":[{"msg":"Unable to get user information","type":"user_info_failed"}]}',
    )
    expect(failed.headers.get('cache-control')).toBe('no-cache, no-store')
    expect(other.status).toBe(200)
    expect(byNameStillWorks.status).toBe(200)
  })

  it('fails /users/{name} with the plain-text 500 that route really sends', async () => {
    mock.failOn('rachel', ['users'])

    const reply = await call(byName('rachel'), { token: admin })

    expect(reply.status).toBe(500)
    expect(reply.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(reply.text).toBe('Internal Server Error')
  })

  it('checks permission before the failing lookup', async () => {
    mock.failOn('rachel', ['users'])

    const reply = await call(byName('rachel'), { token: mock.createToken('someone') })

    expect(reply.status).toBe(403)
  })

  it('simulates a dropped connection', async () => {
    mock.failOn('rachel', ['user-info', 'users'], { kind: 'network' })

    await expect(
      fetch(USER_INFO, { headers: { Authorization: `Bearer ${admin}` } }),
    ).resolves.toHaveProperty('status', 200)
    await expect(
      fetch(USER_INFO, { headers: { Authorization: `Bearer ${mock.createToken('rachel')}` } }),
    ).rejects.toThrow(TypeError)
    await expect(
      fetch(byName('rachel'), { headers: { Authorization: `Bearer ${admin}` } }),
    ).rejects.toThrow(TypeError)
    expect(mock.requests.at(-1)).toMatchObject({ status: 0 })
  })

  it('simulates a 200 whose body is not JSON', async () => {
    mock.failOn('rachel', ['users'], { kind: 'malformed' })

    const reply = await call(byName('rachel'), { token: admin })

    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
    expect(() => JSON.parse(reply.text)).toThrow()
  })

  it('replaces a user failures on each call, and ends them with an empty list', async () => {
    const token = mock.createToken('rachel')
    mock.failOn('rachel', ['user-info'])
    mock.failOn('rachel', ['users'])
    expect((await call(USER_INFO, { token })).status).toBe(200)
    expect((await call(byName('rachel'), { token: admin })).status).toBe(500)

    mock.failOn('rachel', [])

    expect((await call(byName('rachel'), { token: admin })).status).toBe(200)
  })
})

describe('MockGafaelfawr: latency', () => {
  it('holds every answer for the set latency', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    mock.setSessionUser('rachel')
    mock.setLatency(1000)
    let settled = false

    const pending = mock.handle(new Request(USER_INFO)).then((response) => {
      settled = true
      return response
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)

    expect(settled).toBe(true)
    expect((await pending).status).toBe(200)
  })

  it('holds every answer for ever with an infinite latency', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    mock.setSessionUser('rachel')
    mock.setLatency(Number.POSITIVE_INFINITY)
    let settled = false

    void mock.handle(new Request(USER_INFO)).then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(3_000_000_000)

    expect(settled).toBe(false)
    expect(mock.requests).toHaveLength(0)
  })
})

describe('MockGafaelfawr: request log and reset', () => {
  it('records method, URL, credential kind, user and status, and never a token', async () => {
    const token = mock.createToken('rachel')
    const secretQuery = mock.createToken('someone')
    mock.setSessionUser('session-user')

    await call(`${REPERTOIRE_URL}/discovery`)
    await call(`${USER_INFO}?token=${secretQuery}`, { token })
    await call(USER_INFO, { token: UNKNOWN_TOKEN })
    mock.setSessionUser(null)
    await call(USER_INFO)
    mock.setSessionUser('session-user')
    await call(byName('someone'))

    expect(mock.requests).toStrictEqual([
      {
        method: 'GET',
        url: `${REPERTOIRE_URL}/discovery`,
        path: '/repertoire/discovery',
        credential: 'none',
        status: 200,
      },
      {
        method: 'GET',
        url: USER_INFO,
        path: '/auth/api/v1/user-info',
        credential: 'token',
        username: 'rachel',
        status: 200,
      },
      {
        method: 'GET',
        url: USER_INFO,
        path: '/auth/api/v1/user-info',
        credential: 'token',
        status: 401,
      },
      {
        method: 'GET',
        url: USER_INFO,
        path: '/auth/api/v1/user-info',
        credential: 'none',
        status: 401,
      },
      {
        method: 'GET',
        url: byName('someone'),
        path: '/auth/api/v1/users/someone',
        credential: 'session',
        username: 'session-user',
        status: 403,
      },
    ])
    const log = JSON.stringify(mock.requests)
    for (const secret of [token, secretQuery, UNKNOWN_TOKEN]) expect(log).not.toContain(secret)
    expect(log).not.toContain('gt-')
  })

  it('redacts anything of the token format that a caller put in the path', async () => {
    const token = mock.createToken('rachel')

    const reply = await call(`${GAFAELFAWR_URL}/users/${token}`, { token })

    expect(reply.status).toBe(422)
    expect(mock.requests[0]?.path).toBe('/auth/api/v1/users/gt-[redacted]')
    expect(JSON.stringify(mock.requests)).not.toContain(token)
  })

  it('forgets users, tokens, session, failures, settings and requests on reset', async () => {
    mock.setUserInfo('rachel', complete)
    const token = mock.createToken('rachel')
    mock.setSessionUser('rachel')
    mock.failOn('rachel', ['user-info'])
    mock.setLdapConfigured(false)
    mock.setDiscovery({})
    await call(USER_INFO, { token })

    mock.reset()

    expect(mock.requests).toStrictEqual([])
    expect((await call(USER_INFO)).status).toBe(401)
    expect((await call(USER_INFO, { token })).status).toBe(401)
    const fresh = mock.createToken('rachel', { scopes: ['admin:userinfo'] })
    expect((await call(USER_INFO, { token: fresh })).body).toStrictEqual({
      username: 'rachel',
      groups: [],
    })
    expect((await call(byName('someone'), { token: fresh })).status).toBe(200)
    expect((await call(`${REPERTOIRE_URL}/discovery`)).body).toHaveProperty('services')
  })
})
