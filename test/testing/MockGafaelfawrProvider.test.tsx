// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type GafaelfawrClient,
  GafaelfawrDiscoveryError,
  GafaelfawrForbiddenError,
  GafaelfawrNotFoundError,
  GafaelfawrUnauthorizedError,
  GafaelfawrValidationError,
  GafaelfawrWebError,
  RepertoireValidationError,
  RepertoireWebError,
  useGafaelfawrClient,
  useUserInfo,
  useUserInfoByName,
} from '../../src/index'
import {
  type MockGafaelfawrErrorName,
  MockGafaelfawrProvider,
} from '../../src/testing/MockGafaelfawrProvider'
import { type MockUser, mockUsers } from '../../src/testing/mockUsers'
import { renderStrict, TOKEN } from '../components/support/render'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import { server } from '../support/server'

/** Every request MSW saw (none may leave the mock) and every call of the global fetch. */
let seen: string[] = []
const listener = ({ request }: { request: Request }) => {
  seen.push(`${request.method} ${request.url}`)
}
let fetchSpy: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  seen = []
  server.events.on('request:start', listener)
  fetchSpy = vi.spyOn(globalThis, 'fetch')
})

afterEach(() => {
  server.events.removeListener('request:start', listener)
  // The mock answers in memory: nothing reaches the network layer, in any test of this file.
  expect(seen).toEqual([])
  expect(fetchSpy).not.toHaveBeenCalled()
})

function Who({ log, token }: { log?: string[]; token?: string }) {
  const { data, error, status, fetchStatus } = useUserInfo({ token })
  log?.push(data ? `${status} ${data.username}` : `${status} ${fetchStatus}`)
  if (error) return <p>error {error.name}</p>
  if (!data) return <p>{`${status} ${fetchStatus}`}</p>
  return (
    <p>
      user {data.username} name {data.name ?? 'null'} uid {data.uid ?? 'null'} groups{' '}
      {data.groups.length}
    </p>
  )
}

function ByName({ username, log }: { username: string; log?: string[] }) {
  const { data, error, status } = useUserInfoByName(username)
  log?.push(data ? `${status} ${data.username}` : status)
  if (error) return <p>error {error.name}</p>
  if (!data) return <p>{status}</p>
  return (
    <p>
      by-name {data.username} name {data.name ?? 'null'}
    </p>
  )
}

function Grab({ onClient }: { onClient: (client: GafaelfawrClient) => void }) {
  onClient(useGafaelfawrClient())
  return null
}

/** One user read three ways: from the seeded cache, and over the mock's two routes. */
function ThreeWays({ username }: { username: string }) {
  const seeded = useUserInfo()
  const own = useUserInfo({ token: TOKEN })
  const byName = useUserInfoByName(username, { token: TOKEN })
  if (!seeded.data || !own.data || !byName.data) return <p>waiting</p>
  return (
    <>
      <pre data-testid="seeded">{JSON.stringify(seeded.data)}</pre>
      <pre data-testid="user-info">{JSON.stringify(own.data)}</pre>
      <pre data-testid="by-name">{JSON.stringify(byName.data)}</pre>
    </>
  )
}

let captured: unknown
function CaptureError({ username }: { username?: string }) {
  const own = useUserInfo({ enabled: username === undefined })
  const other = useUserInfoByName(username)
  const error = username === undefined ? own.error : other.error
  if (error) captured = error
  return <p>{error ? `error ${error.name}` : 'waiting'}</p>
}

describe('MockGafaelfawrProvider', () => {
  it('gives useUserInfo the seeded user on the first render', () => {
    const log: string[] = []
    renderStrict(
      <MockGafaelfawrProvider user={someuser}>
        <Who log={log} />
      </MockGafaelfawrProvider>,
    )
    expect(screen.getByText('user someuser name Some User uid 2000 groups 1')).toBeTruthy()
    expect(log[0]).toBe('success someuser')
    expect(log.every((entry) => entry === 'success someuser')).toBe(true)
  })

  it('restores the server defaults of a sparse raw user', () => {
    renderStrict(
      <MockGafaelfawrProvider user={{ username: 'ldap-user' }}>
        <Who />
      </MockGafaelfawrProvider>,
    )
    expect(screen.getByText('user ldap-user name null uid null groups 0')).toBeTruthy()
  })

  it('answers a read with another token with the same user, from its in-memory server', async () => {
    renderStrict(
      <MockGafaelfawrProvider user={someuser}>
        <Who token={TOKEN} />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('user someuser name Some User uid 2000 groups 1')).toBeTruthy()
  })

  for (const [persona, user] of Object.entries(mockUsers)) {
    it(`serves the ${persona} persona alike from the seed, /user-info and /users/{name}`, async () => {
      renderStrict(
        <MockGafaelfawrProvider user={user}>
          <ThreeWays username={user.username} />
        </MockGafaelfawrProvider>,
      )
      const read = async (id: string) => JSON.parse((await screen.findByTestId(id)).textContent)
      const seeded = await read('seeded')
      expect(seeded.username).toBe(user.username)
      expect(seeded.uid).toBe(user.uid ?? null)
      expect(seeded.groups).toEqual(user.groups ?? [])
      expect(await read('user-info')).toEqual(seeded)
      expect(await read('by-name')).toEqual(seeded)
    })
  }

  it('answers /user-info with 401 when no user is logged in', async () => {
    renderStrict(
      <MockGafaelfawrProvider>
        <CaptureError />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('error GafaelfawrUnauthorizedError')).toBeTruthy()
    expect(captured).toBeInstanceOf(GafaelfawrUnauthorizedError)
    expect((captured as GafaelfawrUnauthorizedError).detail).toEqual({
      msg: 'Authentication required',
      type: 'no_authorization',
    })
  })

  it('gives useUserInfoByName a seeded user on the first render, the logged-in one too', () => {
    const log: string[] = []
    renderStrict(
      <MockGafaelfawrProvider
        user={someuser}
        users={{ 'other-user': { username: 'other-user', name: 'Other User' } }}
      >
        <ByName username="other-user" log={log} />
        <ByName username="someuser" />
      </MockGafaelfawrProvider>,
    )
    expect(screen.getByText('by-name other-user name Other User')).toBeTruthy()
    expect(screen.getByText('by-name someuser name Some User')).toBeTruthy()
    expect(log[0]).toBe('success other-user')
  })

  it('answers a name it does not know as Gafaelfawr does for a user unknown to LDAP', async () => {
    const log: string[] = []
    renderStrict(
      <MockGafaelfawrProvider user={someuser}>
        <ByName username="stranger" log={log} />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('by-name stranger name null')).toBeTruthy()
    expect(log[0]).toBe('pending')
  })

  it('answers every lookup by name with 404 when the deployment has no LDAP', async () => {
    renderStrict(
      <MockGafaelfawrProvider user={someuser} ldap={false}>
        <CaptureError username="someuser" />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('error GafaelfawrNotFoundError')).toBeTruthy()
    expect((captured as GafaelfawrNotFoundError).detail).toEqual([
      { msg: 'No external user information source configured', type: 'not_supported' },
    ])
  })

  it('stays loading when forced to, past every timeout, and cancels the read on unmount', async () => {
    const log: string[] = []
    let client: GafaelfawrClient | undefined
    const grab = (given: GafaelfawrClient) => {
      client = given
    }
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const { unmount } = renderStrict(
        <MockGafaelfawrProvider user={someuser} state="loading">
          <Grab onClient={grab} />
          <Who log={log} />
          <ByName username="someuser" />
        </MockGafaelfawrProvider>,
      )
      // Two minutes: far past the client's 10 s timeout and its whole retry policy.
      await act(() => vi.advanceTimersByTimeAsync(120_000))
      expect(screen.getByText('pending fetching')).toBeTruthy()
      expect(screen.getByText('pending')).toBeTruthy()
      expect(log.some((entry) => !entry.startsWith('pending'))).toBe(false)
      const key = client?.userInfoQuery().queryKey ?? []
      expect(client?.userInfoCache.getQueryState(key)?.fetchStatus).toBe('fetching')
      unmount()
      await act(() => vi.advanceTimersByTimeAsync(0))
      expect(client?.userInfoCache.getQueryState(key)?.fetchStatus).toBe('idle')
      expect(client?.userInfoCache.getQueryState(key)?.status).toBe('pending')
    } finally {
      vi.useRealTimers()
    }
  })

  const forced: [MockGafaelfawrErrorName, new (...args: never[]) => Error, number | undefined][] = [
    ['GafaelfawrUnauthorizedError', GafaelfawrUnauthorizedError, 401],
    ['GafaelfawrForbiddenError', GafaelfawrForbiddenError, 403],
    ['GafaelfawrNotFoundError', GafaelfawrNotFoundError, 404],
    ['GafaelfawrWebError', GafaelfawrWebError, 500],
    ['GafaelfawrValidationError', GafaelfawrValidationError, undefined],
    ['GafaelfawrDiscoveryError', GafaelfawrDiscoveryError, undefined],
    ['RepertoireWebError', RepertoireWebError, 502],
    ['RepertoireValidationError', RepertoireValidationError, undefined],
  ]

  for (const [name, errorClass, status] of forced) {
    it(`fails every read with ${name} when forced to, from the real reply`, async () => {
      renderStrict(
        <MockGafaelfawrProvider user={someuser} state={{ error: name }}>
          <CaptureError />
        </MockGafaelfawrProvider>,
      )
      expect(await screen.findByText(`error ${name}`, {}, { timeout: 3000 })).toBeTruthy()
      expect(captured).toBeInstanceOf(errorClass)
      expect((captured as { status?: number }).status).toBe(status)
    })
  }

  it('forces the error on lookups by name too, naming the user in a 403', async () => {
    renderStrict(
      <MockGafaelfawrProvider user={someuser} state={{ error: 'GafaelfawrForbiddenError' }}>
        <CaptureError username="otheruser" />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('error GafaelfawrForbiddenError')).toBeTruthy()
    expect((captured as GafaelfawrForbiddenError).detail).toEqual([
      { msg: 'Cannot get information for user otheruser', type: 'permission_denied' },
    ])
  })

  it('reproduces a given error instance by its class, status and body', async () => {
    const body = JSON.stringify({ detail: [{ msg: 'Token is not valid', type: 'invalid_token' }] })
    const given = new GafaelfawrUnauthorizedError('expired', {
      method: 'GET',
      url: 'https://example.com/auth/api/v1/user-info',
      status: 401,
      body,
    })
    renderStrict(
      <MockGafaelfawrProvider state={{ error: given }}>
        <CaptureError />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('error GafaelfawrUnauthorizedError')).toBeTruthy()
    const error = captured as GafaelfawrUnauthorizedError
    expect(error.status).toBe(401)
    expect(error.body).toBe(body)
    expect(error.detail).toEqual([{ msg: 'Token is not valid', type: 'invalid_token' }])
  })

  it('reproduces a web error without a status as a network failure', async () => {
    const given = new GafaelfawrWebError('down', { method: 'GET', url: 'https://example.com/' })
    renderStrict(
      <MockGafaelfawrProvider state={{ error: given }}>
        <CaptureError />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('error GafaelfawrWebError', {}, { timeout: 3000 })).toBeTruthy()
    expect((captured as GafaelfawrWebError).status).toBeUndefined()
    expect((captured as GafaelfawrWebError).message).toContain('fetch failed')
  })

  it('refuses a seeded user that is not valid user information', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    // A raw user from untyped JSON can be anything; the type refuses it, the mock too.
    const raw: unknown = { username: 'someuser', uid: 'two thousand' }
    expect(() =>
      renderStrict(
        <MockGafaelfawrProvider user={raw as MockUser}>
          <Who />
        </MockGafaelfawrProvider>,
      ),
    ).toThrow(/<MockGafaelfawrProvider> user is not valid user information/)
  })

  it('keeps one client per provider across renders, and gives each provider its own', () => {
    const clients: GafaelfawrClient[] = []
    const grab = (client: GafaelfawrClient) => {
      clients.push(client)
    }
    const { rerender } = renderStrict(
      <>
        <MockGafaelfawrProvider user={someuser}>
          <Grab onClient={grab} />
        </MockGafaelfawrProvider>
        <MockGafaelfawrProvider user={{ username: 'otheruser' }}>
          <Grab onClient={grab} />
        </MockGafaelfawrProvider>
      </>,
    )
    rerender(
      <>
        <MockGafaelfawrProvider user={{ username: 'changed' }}>
          <Grab onClient={grab} />
        </MockGafaelfawrProvider>
        <MockGafaelfawrProvider user={{ username: 'otheruser' }}>
          <Grab onClient={grab} />
        </MockGafaelfawrProvider>
      </>,
    )
    const distinct = [...new Set(clients)]
    expect(distinct).toHaveLength(2)
    expect(distinct[0]?.userInfoCache.getQueryData(distinct[0].userInfoQuery().queryKey)).toEqual(
      expect.objectContaining({ username: 'someuser' }),
    )
  })

  it('fails a lookup of a name that breaks the rule with GafaelfawrValidationError', async () => {
    // The client refuses the name before any request.
    renderStrict(
      <MockGafaelfawrProvider user={someuser}>
        <CaptureError username="Not_Valid" />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('error GafaelfawrValidationError')).toBeTruthy()
    await waitFor(() => expect(captured).toBeInstanceOf(GafaelfawrValidationError))
  })
})
