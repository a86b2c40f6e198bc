// @vitest-environment jsdom
import { act, screen } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrNotFoundError,
  GafaelfawrProvider,
  GafaelfawrValidationError,
  useUserInfo,
  useUserInfoByName,
} from '../../src/index'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import { GAFAELFAWR_URL, recordRequests, server, serveUserInfo, someuser } from './support/http'
import { renderStrict } from './support/render'

const ADMIN_TOKEN = 'gt-admin00000000000000000.admin00000000000000000'

function serveUsers() {
  server.use(
    http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) => {
      if (params.username === 'otheruser') return HttpResponse.json(otheruser)
      // A user unknown to LDAP is not a 404 (spec §2).
      return HttpResponse.json({ username: params.username })
    }),
  )
}

let errorSeen: unknown
function Lookup({ username, token }: { username: string | undefined; token?: string }) {
  const { data, error, fetchStatus, status } = useUserInfoByName(username, { token })
  if (error) errorSeen = error
  if (error) return <p>error {error.name}</p>
  if (data)
    return (
      <p>
        user {data.username} {data.name ?? 'no name'}
      </p>
    )
  return <p>{`${status} ${fetchStatus}`}</p>
}

function settle() {
  return act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)))
}

function Both() {
  const me = useUserInfo()
  const other = useUserInfoByName('otheruser')
  return <p>{`${me.data?.username ?? '-'} ${other.data?.username ?? '-'}`}</p>
}

function Disabled() {
  const { fetchStatus } = useUserInfoByName('otheruser', { enabled: false })
  return <p>{fetchStatus}</p>
}

describe('useUserInfoByName', () => {
  it('shows the user by name, with the token it is given', async () => {
    serveUsers()
    const seen = recordRequests()
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Lookup username="otheruser" token={ADMIN_TOKEN} />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user otheruser Another User')
    expect(seen.map((r) => [r.path, r.authorization])).toEqual([
      ['/auth/api/v1/users/otheruser', `Bearer ${ADMIN_TOKEN}`],
    ])
  })

  it('shows a user unknown to LDAP, who has only a username', async () => {
    serveUsers()
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Lookup username="newcomer" />
      </GafaelfawrProvider>,
    )
    expect(await screen.findByText('user newcomer no name')).toBeTruthy()
  })

  it.each([
    ['an empty', ''],
    ['an undefined', undefined],
  ])('stays idle and sends nothing for %s username', async (_, username) => {
    serveUsers()
    const seen = recordRequests()
    const { rerender } = renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Lookup username={username} />
      </GafaelfawrProvider>,
    )
    expect(screen.getByText('pending idle')).toBeTruthy()
    await settle()
    expect(screen.getByText('pending idle')).toBeTruthy()
    expect(seen).toEqual([])
    // Once the name is there, the lookup starts.
    rerender(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Lookup username="otheruser" />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user otheruser Another User')
    expect(seen).toHaveLength(1)
  })

  it('fails with GafaelfawrValidationError, sending nothing, for a name that breaks the rule', async () => {
    const seen = recordRequests()
    errorSeen = undefined
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Lookup username="../user-info" />
      </GafaelfawrProvider>,
    )
    await screen.findByText('error GafaelfawrValidationError')
    expect(errorSeen).toBeInstanceOf(GafaelfawrValidationError)
    expect(seen).toEqual([])
  })

  it('reports a deployment without LDAP as GafaelfawrNotFoundError', async () => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/:username`, () =>
        HttpResponse.json(
          {
            detail: [
              { msg: 'No external user information source configured', type: 'not_supported' },
            ],
          },
          { status: 404 },
        ),
      ),
    )
    errorSeen = undefined
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Lookup username="someuser" />
      </GafaelfawrProvider>,
    )
    await screen.findByText('error GafaelfawrNotFoundError')
    expect(errorSeen).toBeInstanceOf(GafaelfawrNotFoundError)
  })

  it('keeps its entries in the by-name cache, apart from the current user', async () => {
    serveUsers()
    serveUserInfo()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    renderStrict(
      <GafaelfawrProvider client={client}>
        <Both />
      </GafaelfawrProvider>,
    )
    await screen.findByText('someuser otheruser')
    expect(client.userInfoCache.getQueryCache().getAll()[0]?.state.data).toMatchObject(someuser)
    expect(client.usernameCache.getQueryCache().getAll()[0]?.state.data).toMatchObject({
      username: 'otheruser',
    })
    expect(client.userInfoCache.getQueryCache().getAll()).toHaveLength(1)
    expect(client.usernameCache.getQueryCache().getAll()).toHaveLength(1)
  })

  it('sends nothing while enabled is false', async () => {
    serveUsers()
    const seen = recordRequests()
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Disabled />
      </GafaelfawrProvider>,
    )
    await settle()
    expect(screen.getByText('idle')).toBeTruthy()
    expect(seen).toEqual([])
  })
})
