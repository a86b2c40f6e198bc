import { beforeEach, expect, it } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrDiscoveryError,
  GafaelfawrForbiddenError,
  GafaelfawrNotFoundError,
  GafaelfawrUnauthorizedError,
  GafaelfawrValidationError,
  GafaelfawrWebError,
  UserInfoSchema,
} from '../../src/client/index'
import { type MockGafaelfawr, mockUsers } from '../../src/testing/index'
import { UNKNOWN_TOKEN } from './support'

/** Where a scenario finds the mock: its URLs and the mock itself, made fresh per test. */
export interface MockTarget {
  mock: MockGafaelfawr
  repertoireUrl: string
  baseUrl: string
}

const { complete, github } = mockUsers

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject')
}

/**
 * A real `GafaelfawrClient` against the mock, the same scenarios whatever carries the
 * requests (MSW handlers or the HTTP server). `target()` gives this test's mock.
 */
export function defineClientScenarios(target: () => MockTarget | Promise<MockTarget>): void {
  let mock: MockGafaelfawr
  let repertoireUrl: string
  let baseUrl: string

  beforeEach(async () => {
    ;({ mock, repertoireUrl, baseUrl } = await target())
    mock.setUserInfo(complete.username, complete)
    mock.setUserInfo(github.username, github)
  })

  it('finds Gafaelfawr through discovery and reads the session user', async () => {
    mock.setSessionUser(complete.username)
    const client = new GafaelfawrClient({ repertoireUrl })

    const user = await client.getUserInfo()

    expect(user).toStrictEqual(UserInfoSchema.parse(complete))
    expect(await client.resolveBaseUrl()).toBe(baseUrl)
    expect(mock.requests.map(({ path, credential }) => [path, credential])).toEqual([
      ['/repertoire/discovery', 'none'],
      ['/auth/api/v1/user-info', 'session'],
    ])
  })

  it('reads the holder of the client token, with baseUrl and no discovery', async () => {
    const token = mock.createToken(github.username)
    const client = new GafaelfawrClient({ baseUrl, token })

    expect(await client.getUserInfo()).toStrictEqual(UserInfoSchema.parse(github))
    expect(mock.requests).toHaveLength(1)
    expect(mock.requests[0]).toMatchObject({ credential: 'token', username: github.username })
  })

  it('looks a user up by name with an admin:userinfo token', async () => {
    const admin = mock.createToken('admin-user', { scopes: ['admin:userinfo'] })
    const client = new GafaelfawrClient({ repertoireUrl })

    const user = await client.getUserInfoByName(github.username, admin)

    expect(user).toStrictEqual(UserInfoSchema.parse(github))
  })

  it('gets GafaelfawrForbiddenError for another user without the scope', async () => {
    const client = new GafaelfawrClient({ repertoireUrl, token: mock.createToken('rachel') })

    const error = await caught(client.getUserInfoByName(github.username))

    expect(error).toBeInstanceOf(GafaelfawrForbiddenError)
    expect(error).toMatchObject({
      status: 403,
      detail: [
        { msg: `Cannot get information for user ${github.username}`, type: 'permission_denied' },
      ],
    })
  })

  it('gets GafaelfawrNotFoundError from a GitHub deployment without LDAP', async () => {
    mock.setLdapConfigured(false)
    const admin = mock.createToken('admin-user', { scopes: ['admin:userinfo'] })
    const client = new GafaelfawrClient({ repertoireUrl })

    const error = await caught(client.getUserInfoByName(github.username, admin))

    expect(error).toBeInstanceOf(GafaelfawrNotFoundError)
    expect(error).toMatchObject({ status: 404 })
    expect((await client.getUserInfo(admin)).username).toBe('admin-user')
  })

  it('gets the username alone, defaults restored, for a user unknown to LDAP', async () => {
    const admin = mock.createToken('admin-user', { scopes: ['admin:userinfo'] })
    const client = new GafaelfawrClient({ repertoireUrl })

    const user = await client.getUserInfoByName('nobody-known', admin)

    expect(user).toStrictEqual({
      username: 'nobody-known',
      name: null,
      email: null,
      uid: null,
      gid: null,
      groups: [],
      quota: null,
    })
  })

  it('gets GafaelfawrUnauthorizedError for an unknown token and without credentials', async () => {
    const client = new GafaelfawrClient({ repertoireUrl })

    const invalid = await caught(client.getUserInfo(UNKNOWN_TOKEN))
    const missing = await caught(client.getUserInfo())

    expect(invalid).toBeInstanceOf(GafaelfawrUnauthorizedError)
    expect(invalid).toMatchObject({ status: 401, detail: [{ type: 'invalid_token' }] })
    expect(String((invalid as Error).message)).not.toContain(UNKNOWN_TOKEN)
    expect(missing).toBeInstanceOf(GafaelfawrUnauthorizedError)
    expect(missing).toMatchObject({ detail: { type: 'no_authorization' } })
  })

  it('gets GafaelfawrValidationError from a 200 that is not JSON', async () => {
    mock.failOn(complete.username, ['users'], { kind: 'malformed' })
    const client = new GafaelfawrClient({ repertoireUrl })

    const error = await caught(
      client.getUserInfoByName(complete.username, mock.createToken(complete.username)),
    )

    expect(error).toBeInstanceOf(GafaelfawrValidationError)
  })

  it('retries a 500 and a dropped connection, then gets GafaelfawrWebError', async () => {
    mock.failOn(complete.username, ['user-info'])
    mock.failOn(github.username, ['user-info'], { kind: 'network' })
    const client = new GafaelfawrClient({ baseUrl })

    const serverError = await caught(client.getUserInfo(mock.createToken(complete.username)))
    const network = await caught(client.getUserInfo(mock.createToken(github.username)))

    expect(serverError).toBeInstanceOf(GafaelfawrWebError)
    expect(serverError).toMatchObject({ status: 500, detail: [{ type: 'user_info_failed' }] })
    expect(network).toBeInstanceOf(GafaelfawrWebError)
    expect((network as GafaelfawrWebError).status).toBeUndefined()
    expect(mock.requests.map((entry) => entry.status)).toEqual([500, 500, 500, 0, 0, 0])
  })

  it('gets GafaelfawrDiscoveryError when discovery does not list Gafaelfawr', async () => {
    mock.setDiscovery({ services: { internal: {} } })
    const client = new GafaelfawrClient({ repertoireUrl, token: mock.createToken('rachel') })

    expect(await caught(client.getUserInfo())).toBeInstanceOf(GafaelfawrDiscoveryError)
  })

  it('serves cached reads until clearCache(), then reads the new state', async () => {
    const token = mock.createToken(complete.username)
    const client = new GafaelfawrClient({ baseUrl, token })
    await client.getUserInfo()
    mock.setUserInfo(complete.username, { username: complete.username, name: 'Renamed' })

    expect((await client.getUserInfo()).name).toBe(complete.name)
    await client.clearCache()

    expect((await client.getUserInfo()).name).toBe('Renamed')
    expect(mock.requests).toHaveLength(2)
  })

  it('keeps every token out of the request log', async () => {
    const tokens = [
      mock.createToken('rachel'),
      mock.createToken('admin-user', { scopes: ['admin:userinfo'] }),
    ]
    const client = new GafaelfawrClient({ repertoireUrl })
    await client.getUserInfo(tokens[0])
    await client.getUserInfoByName(github.username, tokens[1])
    await caught(client.getUserInfo(UNKNOWN_TOKEN))

    const log = JSON.stringify(mock.requests)
    for (const token of [...tokens, UNKNOWN_TOKEN]) expect(log).not.toContain(token)
    expect(mock.requests.length).toBeGreaterThanOrEqual(4)
  })
}
