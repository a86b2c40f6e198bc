import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient, GafaelfawrValidationError } from '../../src/client'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import { GAFAELFAWR_URL, server } from '../support/server'
import { caught, exposedText, requests } from './helpers'

const UNSENDABLE: Array<[string, string]> = [
  ['empty', ''],
  ['holding a newline', 'gt-SecretNewlineAAAAAAAAA\n.SecretNewlineBBBBBBBBB'],
  ['holding a carriage return', 'gt-SecretReturnAAAAAAAAAA\r.SecretReturnBBBBBBBBBB'],
  ['holding a space', 'gt-SecretSpaceAAAAAAAAAAA .SecretSpaceBBBBBBBBBBB'],
  ['holding non-ASCII characters', 'gt-SecretNonAsciiAAAAAAAA\u00e9.SecretNonAsciiBBBBBBBB'],
]

/** The part of a token that must never show: everything but the `gt-` prefix. */
function secretOf(token: string): string {
  return token.slice(3, 20)
}

describe('tokens that cannot be sent', () => {
  it.each(UNSENDABLE)('refuses a token %s in getUserInfo, without a request', async (_, token) => {
    server.use(http.get(`${GAFAELFAWR_URL}/user-info`, () => HttpResponse.json(someuser)))
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    const error = await caught(() => client.getUserInfo(token))

    expect(error).toBeInstanceOf(GafaelfawrValidationError)
    expect(requests).toEqual([])
    if (token !== '') {
      expect((error as Error).message).not.toContain(secretOf(token))
      expect(exposedText(error)).not.toContain(secretOf(token))
    }
  })

  it.each(UNSENDABLE)(
    'refuses a token %s in getUserInfoByName, without a request',
    async (_, token) => {
      server.use(
        http.get(`${GAFAELFAWR_URL}/users/some-user`, () => HttpResponse.json({ username: 'x' })),
      )
      const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

      const error = await caught(() => client.getUserInfoByName('some-user', token))

      expect(error).toBeInstanceOf(GafaelfawrValidationError)
      expect(requests).toEqual([])
      if (token !== '') expect(exposedText(error)).not.toContain(secretOf(token))
    },
  )

  it.each(UNSENDABLE)('refuses a constructor token %s', (_, token) => {
    let error: unknown
    try {
      new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token })
    } catch (thrown) {
      error = thrown
    }

    expect(error).toBeInstanceOf(GafaelfawrValidationError)
    if (token !== '') expect(exposedText(error)).not.toContain(secretOf(token))
  })

  it('fails the query of options built with a bad token, without a request', async () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const token = 'gt-SecretNewlineAAAAAAAAA\n.SecretNewlineBBBBBBBBB'

    const options = client.userInfoQuery(token)

    expect(JSON.stringify(options.queryKey)).not.toContain(secretOf(token))
    await expect(client.userInfoCache.fetchQuery(options)).rejects.toBeInstanceOf(
      GafaelfawrValidationError,
    )
    expect(requests).toEqual([])
  })
})
