// @vitest-environment jsdom
import { QueryObserver } from '@tanstack/query-core'
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrProvider,
  type GafaelfawrProviderProps,
  useGafaelfawrClient,
  useUserInfo,
} from '../../src/index'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import {
  GAFAELFAWR_URL,
  REPERTOIRE_URL,
  recordRequests,
  server,
  serveUserInfo,
  someuser,
} from './support/http'
import { renderStrict } from './support/render'

const OTHER_URL = 'https://other.example.com/auth/api/v1'

function Who() {
  const { data, error } = useUserInfo()
  if (error) return <p>error {error.name}</p>
  return <p>{data ? `user ${data.username}` : 'loading'}</p>
}

/** Reports the client it sees, and shows the user when asked to. */
function ClientSpy({
  onClient,
  showUser = false,
}: {
  onClient: (client: GafaelfawrClient) => void
  showUser?: boolean
}) {
  onClient(useGafaelfawrClient())
  return showUser ? <Who /> : null
}

/** Reports the QueryClient it sees and shows data of the application's own query. */
function AppData({ onQueryClient }: { onQueryClient: (client: QueryClient) => void }) {
  onQueryClient(useQueryClient())
  const { data } = useQuery({ queryKey: ['app'], queryFn: async () => 'app data' })
  return <p>{data ?? 'app loading'}</p>
}

function sleep(ms: number) {
  return act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))
}

function regainFocus() {
  act(() => {
    window.dispatchEvent(new Event('visibilitychange'))
  })
}

describe('GafaelfawrProvider', () => {
  it('gives its children the client it was given', () => {
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const { result } = renderHook(() => useGafaelfawrClient(), {
      wrapper: ({ children }) => (
        <GafaelfawrProvider client={client}>{children}</GafaelfawrProvider>
      ),
    })
    expect(result.current).toBe(client)
  })

  it('keeps one client while its options stay the same, and makes a new one when one changes', async () => {
    const consoleError = vi.spyOn(console, 'error')
    serveUserInfo()
    server.use(http.get(`${OTHER_URL}/user-info`, () => HttpResponse.json(otheruser)))
    const clients: GafaelfawrClient[] = []
    const onClient = (client: GafaelfawrClient) => clients.push(client)
    const logger = { debug() {}, warn() {}, error() {} }
    const app = (baseUrl: string) => (
      <GafaelfawrProvider baseUrl={baseUrl} cacheLifetime={60_000} logger={logger}>
        <ClientSpy onClient={onClient} showUser />
      </GafaelfawrProvider>
    )
    const { rerender } = renderStrict(app(GAFAELFAWR_URL))
    await screen.findByText('user someuser')
    rerender(app(GAFAELFAWR_URL))
    rerender(app(GAFAELFAWR_URL))
    expect(new Set(clients).size).toBe(1)
    const first = clients[0] as GafaelfawrClient
    expect(first.cacheLifetime).toBe(60_000)

    rerender(app(OTHER_URL))
    await screen.findByText('user otheruser')
    const second = clients.at(-1) as GafaelfawrClient
    expect(second).not.toBe(first)
    expect(new Set(clients).size).toBe(2)
    // The first client's cache is left as it was: the new client has caches of its own.
    expect(first.userInfoCache.getQueryCache().getAll()[0]?.state.data).toMatchObject({
      username: 'someuser',
    })
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('moves its children to a new client it is given', async () => {
    serveUserInfo()
    server.use(http.get(`${OTHER_URL}/user-info`, () => HttpResponse.json(otheruser)))
    const first = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const second = new GafaelfawrClient({ baseUrl: OTHER_URL })
    const { rerender } = renderStrict(
      <GafaelfawrProvider client={first}>
        <Who />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user someuser')
    rerender(
      <GafaelfawrProvider client={second}>
        <Who />
      </GafaelfawrProvider>,
    )
    await screen.findByText('user otheruser')
    expect(second.userInfoCache.getQueryCache().getAll()).toHaveLength(1)
  })

  it('makes a new client when the token changes', async () => {
    const clients = new Set<GafaelfawrClient>()
    const onClient = (client: GafaelfawrClient) => clients.add(client)
    const { rerender } = renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL} token="gt-one.one">
        <ClientSpy onClient={onClient} />
      </GafaelfawrProvider>,
    )
    rerender(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL} token="gt-two.two">
        <ClientSpy onClient={onClient} />
      </GafaelfawrProvider>,
    )
    expect(clients.size).toBe(2)
  })

  it('refuses a client together with client options', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const props = { client, baseUrl: GAFAELFAWR_URL } as unknown as GafaelfawrProviderProps
    expect(() => render(<GafaelfawrProvider {...props} />)).toThrow(
      '<GafaelfawrProvider> takes either a client or client options, not both',
    )
  })

  it('starts service discovery when it mounts, before any hook asks', async () => {
    server.use(
      http.get(`${REPERTOIRE_URL}/discovery`, () =>
        HttpResponse.json({ services: { internal: {} } }),
      ),
    )
    const seen = recordRequests()
    renderStrict(
      <GafaelfawrProvider repertoireUrl={REPERTOIRE_URL}>nothing here</GafaelfawrProvider>,
    )
    await waitFor(() => expect(seen.map((r) => r.path)).toEqual(['/repertoire/discovery']))
  })

  it('ignores a discovery failure at mount: no unhandled rejection, the hook reports it', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      server.use(
        http.get(`${REPERTOIRE_URL}/discovery`, () => HttpResponse.text('gone', { status: 404 })),
      )
      renderStrict(
        <GafaelfawrProvider repertoireUrl={REPERTOIRE_URL}>nothing here</GafaelfawrProvider>,
      )
      await sleep(50)
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('refetches stale data when the window regains focus, and stops once unmounted', async () => {
    serveUserInfo()
    const seen = recordRequests()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheLifetime: 1 })
    // An observer outside React, which outlives the provider.
    const observer = new QueryObserver(client.userInfoCache, client.userInfoQuery())
    const stop = observer.subscribe(() => {})
    try {
      const { unmount } = renderStrict(
        <GafaelfawrProvider client={client}>
          <Who />
        </GafaelfawrProvider>,
      )
      await screen.findByText('user someuser')
      expect(seen).toHaveLength(1)
      await sleep(10)
      regainFocus()
      await waitFor(() => expect(seen).toHaveLength(2))

      unmount()
      await waitFor(() => expect(observer.getCurrentResult().isFetching).toBe(false))
      await sleep(10)
      regainFocus()
      await sleep(30)
      expect(seen).toHaveLength(2)
    } finally {
      stop()
    }
  })

  it('renders no QueryClientProvider: the application keeps its own QueryClient', async () => {
    serveUserInfo()
    const appClient = new QueryClient()
    let seenInside: QueryClient | undefined
    const onQueryClient = (client: QueryClient) => {
      seenInside = client
    }
    renderStrict(
      <QueryClientProvider client={appClient}>
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
          <AppData onQueryClient={onQueryClient} />
          <Who />
        </GafaelfawrProvider>
      </QueryClientProvider>,
    )
    await screen.findByText('app data')
    await screen.findByText('user someuser')
    expect(seenInside).toBe(appClient)
    expect(
      appClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    ).toEqual([['app']])
  })

  it('does not give a QueryClient to components outside an application provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      renderHook(() => useQueryClient(), {
        wrapper: ({ children }) => (
          <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>{children}</GafaelfawrProvider>
        ),
      }),
    ).toThrow(/No QueryClient set/)
  })

  it("loses none of its data when the application's QueryClient is cleared, and ignores its defaults", async () => {
    serveUserInfo()
    const seen = recordRequests()
    const appClient = new QueryClient({
      defaultOptions: { queries: { staleTime: 0, gcTime: 0, refetchOnMount: 'always' } },
    })
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const app = (count: number) => (
      <QueryClientProvider client={appClient}>
        <GafaelfawrProvider client={client}>
          {Array.from({ length: count }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
            <Who key={i} />
          ))}
        </GafaelfawrProvider>
      </QueryClientProvider>
    )
    const { rerender } = renderStrict(app(1))
    await screen.findByText('user someuser')
    act(() => appClient.clear())
    // A component mounted now is served from our cache: the app's `refetchOnMount: 'always'`
    // and `staleTime: 0` do not apply to it, and `clear()` emptied nothing of ours.
    rerender(app(2))
    expect(screen.getAllByText('user someuser')).toHaveLength(2)
    await sleep(20)
    expect(seen).toHaveLength(1)
    expect(client.userInfoCache.getQueryCache().getAll()).toHaveLength(1)
  })

  it('gives two providers on one page caches of their own', async () => {
    let replies = 0
    serveUserInfo(() => (replies++ === 0 ? someuser : otheruser))
    renderStrict(
      <>
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
          <Who />
        </GafaelfawrProvider>
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
          <Who />
        </GafaelfawrProvider>
      </>,
    )
    await screen.findByText('user someuser')
    await screen.findByText('user otheruser')
    expect(replies).toBe(2)
  })
})
