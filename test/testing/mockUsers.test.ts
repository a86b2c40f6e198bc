import { beforeEach, describe, expect, it } from 'vitest'
import { UserInfoSchema } from '../../src/client/index'
import { MockGafaelfawr, type MockPersonaName, mockUsers } from '../../src/testing/index'
import { GAFAELFAWR_URL, server } from '../support/server'
import { call, USERNAME_RULE } from './support'

const personas = Object.entries(mockUsers) as [MockPersonaName, (typeof mockUsers)['complete']][]

describe('mockUsers', () => {
  it('has the six personas', () => {
    expect(Object.keys(mockUsers).sort()).toEqual(
      ['bot', 'complete', 'github', 'noNameEmail', 'noUidGid', 'usernameOnly'].sort(),
    )
  })

  it.each(personas)('%s is valid user information for the real schema', (_, user) => {
    const parsed = UserInfoSchema.safeParse(user)

    expect(parsed.success).toBe(true)
    expect(parsed.data?.username).toBe(user.username)
  })

  it.each(personas)('%s has a username that satisfies the server rule', (_, user) => {
    expect(user.username.length).toBeLessThanOrEqual(64)
    expect(user.username).toMatch(USERNAME_RULE)
  })

  it.each(personas)('%s is a raw reply: no null fields, groups sorted by name', (_, user) => {
    for (const value of Object.values(user)) expect(value).not.toBeNull()
    const names = (user.groups ?? []).map((group) => group.name)
    expect(names).toEqual([...names].sort())
  })

  it('gives each persona its own username', () => {
    const names = personas.map(([, user]) => user.username)
    expect(new Set(names).size).toBe(names.length)
  })

  it('fills every field of complete, with notebook, TAP, API and disk quotas', () => {
    const user = UserInfoSchema.parse(mockUsers.complete)

    for (const field of ['name', 'email', 'uid', 'gid', 'quota'] as const) {
      expect(user[field]).not.toBeNull()
    }
    expect(user.groups.length).toBeGreaterThan(0)
    expect(user.quota?.notebook).not.toBeNull()
    for (const part of ['api', 'disk', 'tap'] as const) {
      expect(Object.keys(user.quota?.[part] ?? {}).length).toBeGreaterThan(0)
    }
  })

  it('gives usernameOnly nothing but the username', () => {
    expect(Object.keys(mockUsers.usernameOnly)).toEqual(['username'])
  })

  it('leaves out what each partial persona lacks', () => {
    const { noNameEmail, noUidGid, github, bot } = mockUsers

    expect(noNameEmail).not.toHaveProperty('name')
    expect(noNameEmail).not.toHaveProperty('email')
    expect(noNameEmail.uid).toBeTypeOf('number')
    expect(noUidGid).not.toHaveProperty('uid')
    expect(noUidGid).not.toHaveProperty('gid')
    expect(noUidGid.name).toBeTypeOf('string')
    expect(github).not.toHaveProperty('email')
    expect(github.uid).toBeTypeOf('number')
    expect(github.gid).toBe(github.uid)
    expect(bot.username).toMatch(/^bot-/)
    expect(bot).not.toHaveProperty('name')
    expect(bot).not.toHaveProperty('email')
    expect(bot.uid).toBeTypeOf('number')
    expect(bot.gid).toBeTypeOf('number')
  })

  it('is frozen, so a test cannot change what the next one sees', () => {
    expect(Object.isFrozen(mockUsers)).toBe(true)
    expect(Object.isFrozen(mockUsers.complete.groups)).toBe(true)
    expect(Object.isFrozen(mockUsers.complete.quota?.notebook)).toBe(true)
  })

  describe('served by MockGafaelfawr', () => {
    let mock: MockGafaelfawr

    beforeEach(() => {
      mock = new MockGafaelfawr()
      server.use(...mock.handlers)
    })

    it.each(personas)('%s parses from /user-info exactly as from the persona', async (_, user) => {
      mock.setUserInfo(user.username, user)

      const reply = await call(`${GAFAELFAWR_URL}/user-info`, {
        token: mock.createToken(user.username),
      })

      expect(reply.status).toBe(200)
      expect(UserInfoSchema.parse(reply.body)).toStrictEqual(UserInfoSchema.parse(user))
    })

    it.each(personas)(
      '%s parses from /users/{name} exactly as from the persona',
      async (_, user) => {
        mock.setUserInfo(user.username, user)

        const reply = await call(`${GAFAELFAWR_URL}/users/${user.username}`, {
          token: mock.createToken('admin-user', { scopes: ['admin:userinfo'] }),
        })

        expect(reply.status).toBe(200)
        expect(UserInfoSchema.parse(reply.body)).toStrictEqual(UserInfoSchema.parse(user))
      },
    )
  })
})
