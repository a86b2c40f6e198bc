// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react'
import { HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrDiscoveryError,
  GafaelfawrForbiddenError,
  GafaelfawrNotFoundError,
  GafaelfawrProvider,
  type GafaelfawrQueryError,
  GafaelfawrUnauthorizedError,
  GafaelfawrValidationError,
  GafaelfawrWebError,
  useUserInfo,
} from '../../src/index'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import minimalDiscovery from '../fixtures/repertoire/minimal.json'
import {
  deferred,
  GAFAELFAWR_URL,
  REPERTOIRE_URL,
  recordRequests,
  serveDiscovery,
  serveUserInfo,
  someuser,
} from './support/http'
import { renderStrict } from './support/render'

const TOKEN_A = 'gt-aaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaa'
const TOKEN_B = 'gt-bbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbb'

function Who({ token }: { token?: string }) {
  const { data, error, isPending } = useUserInfo({ token })
  if (isPending) return <p>loading</p>
  if (error) return <p>error {error.name}</p>
  return <p>user {data.username}</p>
}

function Idle({ enabled }: { enabled: boolean }) {
  const { data, fetchStatus } = useUserInfo({ enabled })
  return <p>{data ? `user ${data.username}` : fetchStatus}</p>
}

function Failing({ onError }: { onError: (error: GafaelfawrQueryError) => void }) {
  const { error } = useUserInfo()
  if (error) onError(error)
  return <p>{error ? `error ${error.name}` : 'waiting'}</p>
}

function Counted({ log }: { log: string[] }) {
  const { data, status } = useUserInfo()
  log.push(data ? `${status} ${data.username}` : status)
  return <p>{data?.username ?? status}</p>
}

describe('useUserInfo', () => {
  it('shows the user of an app wrapped in the provider, through discovery', async () => {
    serveDiscovery()
    serveUserInfo()
    const seen = recordRequests()
    renderStrict(
      <GafaelfawrProvider repertoireUrl={REPERTOIRE_URL}>
        <Who />
      </GafaelfawrProvider>,
    )
    expect(await screen.findByText('user someuser')).toBeTruthy()
    expect(seen.map((r) => r.path)).toEqual(['/repertoire/discovery', '/auth/api/v1/user-info'])
    expect(seen[1]?.authorization).toBeNull()
  })

  it('sends the provider token as a bearer token', async () => {
    serveUserInfo()
    const seen = recordRequests()
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL} token={TOKEN_A}>
        <Who />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user someuser')
    expect(seen.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN_A}`])
  })

  it('makes one discovery and one user-info request for 200 components', async () => {
    serveDiscovery()
    serveUserInfo()
    const seen = recordRequests()
    renderStrict(
      <GafaelfawrProvider repertoireUrl={REPERTOIRE_URL}>
        {Array.from({ length: 200 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
          <Who key={i} />
        ))}
      </GafaelfawrProvider>,
    )
    await waitFor(() => expect(screen.getAllByText('user someuser')).toHaveLength(200))
    expect(seen.map((r) => r.path).sort()).toEqual([
      '/auth/api/v1/user-info',
      '/repertoire/discovery',
    ])
  })

  it('reads another entry when the token changes, and keeps tokens out of the keys', async () => {
    serveUserInfo((request) =>
      request.headers.get('authorization') === `Bearer ${TOKEN_A}` ? someuser : otheruser,
    )
    const seen = recordRequests()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const { rerender } = renderStrict(
      <GafaelfawrProvider client={client}>
        <Who token={TOKEN_A} />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user someuser')
    rerender(
      <GafaelfawrProvider client={client}>
        <Who token={TOKEN_B} />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user otheruser')
    rerender(
      <GafaelfawrProvider client={client}>
        <Who token={TOKEN_A} />
      </GafaelfawrProvider>,
    )
    // Token A's entry is still fresh: it is shown at once, without a request.
    expect(screen.getByText('user someuser')).toBeTruthy()
    expect(seen.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN_A}`, `Bearer ${TOKEN_B}`])
    const keys = client.userInfoCache
      .getQueryCache()
      .getAll()
      .map((query) => JSON.stringify(query.queryKey))
    expect(keys).toHaveLength(2)
    for (const key of keys) {
      expect(key).not.toContain(TOKEN_A)
      expect(key).not.toContain(TOKEN_B)
    }
  })

  it('sends nothing while enabled is false', async () => {
    serveUserInfo()
    const seen = recordRequests()
    const { rerender } = renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Idle enabled={false} />
      </GafaelfawrProvider>,
    )
    expect(screen.getByText('idle')).toBeTruthy()
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(seen).toEqual([])
    rerender(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <Idle enabled />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user someuser')
    expect(seen).toHaveLength(1)
  })

  it('shows fresh cached data on the first render, without a request', async () => {
    serveUserInfo()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfo()
    const seen = recordRequests()
    renderStrict(
      <GafaelfawrProvider client={client}>
        <Who />
      </GafaelfawrProvider>,
    )
    expect(screen.getByText('user someuser')).toBeTruthy()
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(seen).toEqual([])
  })

  it('aborts the request when the component unmounts during the fetch, without warnings', async () => {
    const error = vi.spyOn(console, 'error')
    const warn = vi.spyOn(console, 'warn')
    const arrived = deferred<Request>()
    const aborted = deferred()
    serveUserInfo(async (request) => {
      request.signal.addEventListener('abort', () => aborted.resolve())
      arrived.resolve(request)
      // Never answers by itself: only the abort ends this request.
      await new Promise(() => {})
    })
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const { unmount } = renderStrict(
      <GafaelfawrProvider client={client}>
        <Who />
      </GafaelfawrProvider>,
    )
    const request = await arrived.promise
    expect(request.signal.aborted).toBe(false)
    unmount()
    await aborted.promise
    expect(request.signal.aborted).toBe(true)
    // The cancelled query is back where it started: no data, no error, nothing fetching.
    await waitFor(() => {
      const query = client.userInfoCache.getQueryCache().getAll()[0]
      expect(query?.state.fetchStatus).toBe('idle')
    })
    const query = client.userInfoCache.getQueryCache().getAll()[0]
    expect(query?.state.data).toBeUndefined()
    expect(query?.state.error).toBeNull()
    expect(error).not.toHaveBeenCalled()
    expect(warn).not.toHaveBeenCalled()
  })

  describe('errors', () => {
    const cases: {
      title: string
      serve: () => void
      type: new (...args: never[]) => GafaelfawrQueryError
      name: string
      status?: number
    }[] = [
      {
        title: 'a 401 as GafaelfawrUnauthorizedError',
        serve: () =>
          serveUserInfo(() =>
            HttpResponse.json(
              { detail: [{ msg: 'Token is not valid', type: 'invalid_token' }] },
              { status: 401 },
            ),
          ),
        type: GafaelfawrUnauthorizedError,
        name: 'GafaelfawrUnauthorizedError',
        status: 401,
      },
      {
        title: 'a 403 as GafaelfawrForbiddenError',
        serve: () =>
          serveUserInfo(() =>
            HttpResponse.json(
              { detail: [{ msg: 'Invalid request', type: 'invalid_request' }] },
              { status: 403 },
            ),
          ),
        type: GafaelfawrForbiddenError,
        name: 'GafaelfawrForbiddenError',
        status: 403,
      },
      {
        title: 'a 404 as GafaelfawrNotFoundError',
        serve: () =>
          serveUserInfo(() => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })),
        type: GafaelfawrNotFoundError,
        name: 'GafaelfawrNotFoundError',
        status: 404,
      },
      {
        title: 'a 500 as GafaelfawrWebError',
        serve: () =>
          serveUserInfo(() =>
            HttpResponse.json(
              { detail: [{ msg: 'Unable to get user information', type: 'user_info_failed' }] },
              { status: 500 },
            ),
          ),
        type: GafaelfawrWebError,
        name: 'GafaelfawrWebError',
        status: 500,
      },
      {
        title: 'a 200 that is not JSON as GafaelfawrValidationError',
        serve: () => serveUserInfo(() => HttpResponse.html('<html><body>Sign in</body></html>')),
        type: GafaelfawrValidationError,
        name: 'GafaelfawrValidationError',
      },
    ]

    it.each(cases)('renders $title', async ({ serve, type, name, status }) => {
      serve()
      let seen: GafaelfawrQueryError | null = null
      renderStrict(
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
          <Failing onError={(error) => (seen = error)} />
        </GafaelfawrProvider>,
      )
      await screen.findByText(`error ${name}`)
      expect(seen).toBeInstanceOf(type)
      if (status !== undefined) expect((seen as unknown as GafaelfawrWebError).status).toBe(status)
    })

    it('renders discovery without Gafaelfawr as GafaelfawrDiscoveryError', async () => {
      serveDiscovery(minimalDiscovery)
      const seen = recordRequests()
      let error: unknown
      renderStrict(
        <GafaelfawrProvider repertoireUrl={REPERTOIRE_URL}>
          <Failing onError={(caught) => (error = caught)} />
        </GafaelfawrProvider>,
      )
      await screen.findByText('error GafaelfawrDiscoveryError')
      expect(error).toBeInstanceOf(GafaelfawrDiscoveryError)
      expect(seen.map((r) => r.path)).toEqual(['/repertoire/discovery'])
    })
  })

  describe('render counts (outside StrictMode, which renders twice)', () => {
    it('renders once, with the data, when the cache is fresh', async () => {
      serveUserInfo()
      const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
      await client.getUserInfo()
      const log: string[] = []
      render(
        <GafaelfawrProvider client={client}>
          <Counted log={log} />
        </GafaelfawrProvider>,
      )
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
      expect(log).toEqual(['success someuser'])
    })

    it('renders loading, then the data, when the cache is cold', async () => {
      serveUserInfo()
      const log: string[] = []
      render(
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
          <Counted log={log} />
        </GafaelfawrProvider>,
      )
      await screen.findByText('someuser')
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
      expect(log).toEqual(['pending', 'success someuser'])
    })
  })
})
