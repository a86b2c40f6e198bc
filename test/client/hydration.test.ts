import { dehydrate, hydrate } from '@tanstack/query-core'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient } from '../../src/client'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import { GAFAELFAWR_URL, server } from '../support/server'
import { OTHER_TOKEN, requestsTo, TOKEN } from './helpers'

const USER_INFO_URL = `${GAFAELFAWR_URL}/user-info`

describe('dehydrated state moved between clients', () => {
  it('never serves one token the entry another client fetched for a different token', async () => {
    server.use(
      http.get(USER_INFO_URL, ({ request }) =>
        HttpResponse.json(
          request.headers.get('authorization') === `Bearer ${TOKEN}` ? someuser : otheruser,
        ),
      ),
    )
    const server1 = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    expect((await server1.getUserInfo(TOKEN)).username).toBe('someuser')

    const browser = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    hydrate(browser.userInfoCache, JSON.parse(JSON.stringify(dehydrate(server1.userInfoCache))))

    // Each client's first token: the ids must still differ, or the browser would get someuser.
    expect((await browser.getUserInfo(OTHER_TOKEN)).username).toBe('otheruser')
    expect(requestsTo(USER_INFO_URL)).toHaveLength(2)
  })

  it('carries session entries over, so a server render can hand the user to the browser', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.json(someuser)))
    const server1 = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await server1.getUserInfo()

    const browser = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    hydrate(browser.userInfoCache, JSON.parse(JSON.stringify(dehydrate(server1.userInfoCache))))

    expect((await browser.getUserInfo()).username).toBe('someuser')
    expect(requestsTo(USER_INFO_URL)).toHaveLength(1)
  })
})
