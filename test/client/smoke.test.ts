import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient } from '../../src/client'
import discovery from '../fixtures/repertoire/gafaelfawr-only.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import { REPERTOIRE_URL, server } from '../support/server'

describe('smoke', () => {
  it('reads the user through discovery', async () => {
    let calls = 0
    server.use(
      http.get(`${REPERTOIRE_URL}/discovery`, () => HttpResponse.json(discovery)),
      http.get('https://data.example.com/auth/api/v1/user-info', ({ request }) => {
        calls++
        expect(request.headers.get('authorization')).toBe('Bearer gt-abc.def')
        return HttpResponse.json(someuser)
      }),
    )
    const client = new GafaelfawrClient({ repertoireUrl: REPERTOIRE_URL })
    const users = await Promise.all(Array.from({ length: 50 }, () => client.getUserInfo('gt-abc.def')))
    expect(users[0]?.username).toBe('someuser')
    expect(users[0]?.quota?.api).toEqual({})
    expect(calls).toBe(1)
    await client.clearCache()
    await client.getUserInfo('gt-abc.def')
    expect(calls).toBe(2)
  })
})
