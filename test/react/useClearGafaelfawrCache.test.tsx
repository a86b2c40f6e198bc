// @vitest-environment jsdom
import { act, fireEvent, renderHook, screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  type GafaelfawrGroup,
  GafaelfawrProvider,
  useClearGafaelfawrCache,
  useUserInfo,
  useUserInfoByName,
} from '../../src/index'
import {
  deferred,
  GAFAELFAWR_URL,
  recordRequests,
  server,
  serveUserInfo,
  someuser,
} from './support/http'
import { renderStrict } from './support/render'

/** What the server knows: the groups of someuser, which a test changes. */
function groupServer() {
  const state = { groups: [{ name: 'foo', id: 1222 }] as GafaelfawrGroup[] }
  serveUserInfo(() => ({ ...someuser, groups: state.groups }))
  server.use(
    http.get(`${GAFAELFAWR_URL}/users/someuser`, () =>
      HttpResponse.json({ ...someuser, groups: state.groups }),
    ),
  )
  return state
}

function names(groups: readonly GafaelfawrGroup[] | undefined): string {
  return groups ? groups.map((group) => group.name).join(',') : '-'
}

/** The user's groups, and a button that clears the cache, as an application would have. */
function Groups() {
  const { data } = useUserInfo()
  const clearCache = useClearGafaelfawrCache()
  return (
    <>
      <p>groups {names(data?.groups)}</p>
      <button type="button" onClick={() => clearCache()}>
        refresh
      </button>
    </>
  )
}

/** Shows the groups of the current user and of someuser by name, and logs each render. */
function BothGroups({
  log,
  onClear,
}: {
  log: string[]
  onClear: (clear: () => Promise<void>) => void
}) {
  const me = useUserInfo()
  const named = useUserInfoByName('someuser')
  onClear(useClearGafaelfawrCache())
  const shown = `${names(me.data?.groups)} ${names(named.data?.groups)}`
  log.push(shown)
  return <p>{shown}</p>
}

describe('useClearGafaelfawrCache', () => {
  it('shows a new group after the app clears the cache', async () => {
    const state = groupServer()
    const seen = recordRequests()
    const app = (count: number) => (
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
          <Groups key={i} />
        ))}
      </GafaelfawrProvider>
    )
    const { rerender } = renderStrict(app(1))
    await screen.findByText('groups foo')

    // The user joins a group on the server; the cached copy is still fresh and still shown.
    state.groups = [...state.groups, { name: 'g-new', id: 4001 }]
    rerender(app(2))
    expect(screen.getAllByText('groups foo')).toHaveLength(2)
    expect(seen).toHaveLength(1)

    fireEvent.click(screen.getAllByText('refresh')[0] as HTMLElement)
    await waitFor(() => expect(screen.getAllByText('groups foo,g-new')).toHaveLength(2))
    expect(seen).toHaveLength(2)
  })

  it('shows no data fetched before the call once its promise resolves', async () => {
    const state = groupServer()
    const log: string[] = []
    let clear: (() => Promise<void>) | undefined
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <BothGroups log={log} onClear={(fn) => (clear = fn)} />
      </GafaelfawrProvider>,
    )
    await screen.findByText('foo foo')
    state.groups = [{ name: 'bar', id: 9 }]
    let resolvedAt = -1
    await act(async () => {
      await clear?.()
      resolvedAt = log.length
    })
    await screen.findByText('bar bar')
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    const afterClear = log.slice(resolvedAt)
    expect(afterClear.length).toBeGreaterThan(0)
    expect(afterClear.filter((shown) => shown.includes('foo'))).toEqual([])
  })

  it('never lets a fetch in flight during the call land', async () => {
    let replies = 0
    const slowOld = deferred()
    serveUserInfo(async () => {
      replies++
      if (replies === 1) {
        await slowOld.promise
        return { ...someuser, groups: [{ name: 'old', id: 1 }] }
      }
      return { ...someuser, groups: [{ name: 'new', id: 2 }] }
    })
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/someuser`, () =>
        HttpResponse.json({ ...someuser, groups: [{ name: 'new', id: 2 }] }),
      ),
    )
    const log: string[] = []
    let clear: (() => Promise<void>) | undefined
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <BothGroups log={log} onClear={(fn) => (clear = fn)} />
      </GafaelfawrProvider>,
    )
    await waitFor(() => expect(replies).toBe(1))
    const done = clear?.()
    slowOld.resolve()
    await act(async () => {
      await done
    })
    await screen.findByText('new new')
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(log.filter((shown) => shown.includes('old'))).toEqual([])
    expect(replies).toBe(2)
  })

  it('returns the same function across renders', () => {
    const { result, rerender } = renderHook(() => useClearGafaelfawrCache(), {
      wrapper: ({ children }) => (
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>{children}</GafaelfawrProvider>
      ),
    })
    const first = result.current
    rerender()
    rerender()
    expect(result.current).toBe(first)
  })
})
