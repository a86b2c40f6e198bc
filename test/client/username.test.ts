import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient, GafaelfawrError, GafaelfawrValidationError } from '../../src/client'
import { GAFAELFAWR_URL, server } from '../support/server'
import { caught, requests, TOKEN } from './helpers'

// Gafaelfawr's rule (spec §2): 1-64 characters, lower-case letters, digits and single inner
// hyphens, with a letter somewhere after the first character (so `a` and `u1` are refused).
const HOSTILE: Array<[string, string]> = [
  ['a parent-directory path', '../x'],
  ['a slash', 'a/b'],
  ['an encoded parent directory', '%2e%2e'],
  ['an upper-case letter', 'Upper'],
  ['65 characters', `a${'b'.repeat(64)}`],
  ['the empty string', ''],
  ['a single letter', 'a'],
  ['only digits', '12345'],
  ['a letter only in first place', 'u1'],
  ['a double hyphen', 'some--user'],
  ['a leading hyphen', '-user'],
  ['a trailing hyphen', 'user-'],
  ['a query string', 'user?admin=1'],
  ['a fragment', 'user#x'],
  ['a space', 'some user'],
  ['a newline', 'user\nx'],
  ['a dot', 'user.name'],
  ['an encoded slash', 'a%2fb'],
  ['a backslash', 'a\\b'],
  ['non-ASCII letters', 'usér'],
]

describe('usernames that break the rule', () => {
  it.each(HOSTILE)('refuses %s before any request', async (_, username) => {
    // No handler at all: a request would be unhandled and fail the call differently.
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const error = await caught(() => client.getUserInfoByName(username, TOKEN))

    expect(error).toBeInstanceOf(GafaelfawrValidationError)
    expect(error).toBeInstanceOf(GafaelfawrError)
    expect((error as GafaelfawrValidationError).issues[0]?.path).toEqual(['username'])
    expect(requests).toEqual([])
  })

  it('refuses them even when discovery would be needed, before discovery is asked', async () => {
    const client = new GafaelfawrClient({ repertoireUrl: 'https://data.example.com/repertoire' })

    await expect(client.getUserInfoByName('../user-info', TOKEN)).rejects.toBeInstanceOf(
      GafaelfawrValidationError,
    )
    expect(requests).toEqual([])
  })

  it('refuses a name that is not a string', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const error = await caught(() => client.getUserInfoByName(42 as unknown as string, TOKEN))

    expect(error).toBeInstanceOf(GafaelfawrValidationError)
    expect(requests).toEqual([])
  })

  it('says what is wrong with the name, quoting it harmlessly', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const error = (await caught(() =>
      client.getUserInfoByName('user\nx', TOKEN),
    )) as GafaelfawrValidationError

    expect(error.message).toContain('"user\\nx"')
    expect(error.message).not.toContain('user\nx')
    expect(error.message).not.toContain(TOKEN)
  })

  it('gives query options whose query fails without a request', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const options = client.userInfoByNameQuery('../x', TOKEN)

    await expect(client.usernameCache.fetchQuery(options)).rejects.toBeInstanceOf(
      GafaelfawrValidationError,
    )
    expect(requests).toEqual([])
  })
})

describe('usernames that follow the rule', () => {
  it.each([
    ['some-user', `${GAFAELFAWR_URL}/users/some-user`],
    ['99digits99', `${GAFAELFAWR_URL}/users/99digits99`],
    ['ab', `${GAFAELFAWR_URL}/users/ab`],
    ['1a', `${GAFAELFAWR_URL}/users/1a`],
    [`a${'b'.repeat(63)}`, `${GAFAELFAWR_URL}/users/a${'b'.repeat(63)}`],
  ])('requests %s at exactly its own path', async (username, url) => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
        HttpResponse.json({ username: params.username }),
      ),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const user = await client.getUserInfoByName(username, TOKEN)

    expect(user.username).toBe(username)
    expect(requests.map((request) => request.url)).toEqual([url])
  })
})
