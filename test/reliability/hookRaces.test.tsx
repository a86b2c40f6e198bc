// @vitest-environment jsdom
import { focusManager, onlineManager, type QueryClient } from '@tanstack/query-core'
import { act, cleanup, render } from '@testing-library/react'
import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { StrictMode, useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrProvider,
  type GafaelfawrUserInfo,
  useClearGafaelfawrCache,
  useGafaelfawrClient,
  useUserInfo,
  useUserInfoByName,
} from '../../src/index'
import { runs } from './runs'
import { GAFAELFAWR_URL, numberedTokens, server, settle, sleep } from './support'

afterEach(() => {
  cleanup()
})

const TOKENS = numberedTokens(3, 'Hook')

type Viewer = { id: number; kind: 'self' | 'byName'; token: string | undefined }

type Op =
  | { kind: 'mount'; viewer: Omit<Viewer, 'id'> }
  | { kind: 'unmount'; pick: number }
  | { kind: 'clear' }
  | { kind: 'options'; token: number }
  | { kind: 'node read'; token: number }

const token = fc.option(fc.constantFrom(...TOKENS), { nil: undefined })
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('mount' as const),
      viewer: fc.record({ kind: fc.constantFrom('self' as const, 'byName' as const), token }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unmount' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'clear' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('options' as const), token: fc.nat({ max: 2 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('node read' as const), token: fc.nat({ max: 2 }) }),
  },
)

/** One render of one viewer: which client it read and the version it showed (null: none). */
interface Shown {
  client: GafaelfawrClient
  viewer: number
  version: number | null
}

function versionOf(user: GafaelfawrUserInfo | undefined): number | null {
  return user ? Number((user.name as string).slice(1)) : null
}

/** What the test drives the tree with; filled in during render. */
interface Controls {
  client: GafaelfawrClient | undefined
  clear: (() => Promise<void>) | undefined
  setViewers: (update: (viewers: Viewer[]) => Viewer[]) => void
  setToken: (token: string) => void
  /** The viewers mounted now. */
  viewers: Viewer[]
}

function SelfViewer({ id, token, log }: { id: number; token: string | undefined; log: Shown[] }) {
  const client = useGafaelfawrClient()
  const { data } = useUserInfo({ token })
  log.push({ client, viewer: id, version: versionOf(data) })
  return <p>{data?.name ?? '…'}</p>
}

function NameViewer({ id, token, log }: { id: number; token: string | undefined; log: Shown[] }) {
  const client = useGafaelfawrClient()
  const { data } = useUserInfoByName('alice', { token })
  log.push({ client, viewer: id, version: versionOf(data) })
  return <p>{data?.name ?? '…'}</p>
}

function Clearer({ controls }: { controls: Controls }) {
  controls.client = useGafaelfawrClient()
  controls.clear = useClearGafaelfawrCache()
  return null
}

function App({ controls, log }: { controls: Controls; log: Shown[] }) {
  const [viewers, setViewers] = useState<Viewer[]>([])
  const [token, setToken] = useState<string>(TOKENS[0] as string)
  controls.setViewers = setViewers
  controls.setToken = setToken
  controls.viewers = viewers
  return (
    <GafaelfawrProvider baseUrl={GAFAELFAWR_URL} token={token}>
      <Clearer controls={controls} />
      {viewers.map((viewer) =>
        viewer.kind === 'self' ? (
          <SelfViewer key={viewer.id} id={viewer.id} token={viewer.token} log={log} />
        ) : (
          <NameViewer key={viewer.id} id={viewer.id} token={viewer.token} log={log} />
        ),
      )}
    </GafaelfawrProvider>
  )
}

function listeners(subscribable: unknown): number {
  return (subscribable as { listeners: Set<unknown> }).listeners.size
}

function observers(cache: QueryClient): number {
  return cache
    .getQueryCache()
    .findAll()
    .reduce((sum, query) => sum + query.getObserversCount(), 0)
}

describe('races: clearCache(), unmounts and option changes with hooks', () => {
  it('never shows data fetched before a resolved clear, and leaks no subscription', async () => {
    // What a client's QueryCache holds before any hook: the client's own LRU bound.
    const baseline = listeners(
      new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL }).userInfoCache.getQueryCache(),
    )
    const focusBefore = listeners(focusManager)
    const onlineBefore = listeners(onlineManager)
    const stats = { clears: 0, renders: 0, shown: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 20 }),
        fc.scheduler(),
        async (plan, s) => {
          let version = 0
          const answer = async (target: string | undefined) => {
            const stamp = version
            await s.schedule(Promise.resolve(), `reply v${stamp} about ${target ?? 'self'}`)
            return HttpResponse.json({ username: target ?? 'someuser', name: `v${stamp}` })
          }
          server.use(
            http.get(`${GAFAELFAWR_URL}/user-info`, () => answer(undefined)),
            http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) =>
              answer(String(params.username)),
            ),
          )
          const log: Shown[] = []
          const controls: Controls = {
            client: undefined,
            clear: undefined,
            setViewers: () => {},
            setToken: () => {},
            viewers: [],
          }
          const clients = new Set<GafaelfawrClient>()
          /** Per client: the version of its last resolved clear and the log length at that point. */
          const clears: { client: GafaelfawrClient; floor: number; from: number }[] = []
          const floors = new Map<GafaelfawrClient, number>()
          let nextId = 0
          const view = render(<App controls={controls} log={log} />, { wrapper: StrictMode })
          let mounted = true
          const unmount = () => {
            if (mounted) view.unmount()
            mounted = false
          }
          try {
            const run = async (step: Op): Promise<void> => {
              const client = controls.client as GafaelfawrClient
              clients.add(client)
              switch (step.kind) {
                case 'mount':
                  act(() =>
                    controls.setViewers((all) => [...all, { id: nextId++, ...step.viewer }]),
                  )
                  return
                case 'unmount':
                  act(() =>
                    controls.setViewers((all) =>
                      all.filter((_, i) => i !== step.pick % all.length),
                    ),
                  )
                  return
                case 'options':
                  act(() => controls.setToken(TOKENS[step.token] as string))
                  return
                case 'clear': {
                  version += 1
                  const floor = version
                  await (controls.clear as () => Promise<void>)()
                  floors.set(client, Math.max(floors.get(client) ?? 0, floor))
                  clears.push({ client, floor, from: log.length })
                  return
                }
                case 'node read': {
                  const floor = floors.get(client) ?? 0
                  const result = await settle(client.getUserInfo(TOKENS[step.token]))
                  expect(result.ok).toBe(true)
                  if (result.ok) expect(versionOf(result.value)).toBeGreaterThanOrEqual(floor)
                  return
                }
              }
            }
            const done = plan.map((step, i) =>
              s
                .schedule(Promise.resolve(), `op ${i}: ${JSON.stringify(step)}`)
                .then(() => run(step)),
            )
            await s.waitFor(Promise.all(done))
            // Let the last refetches land.
            for (let round = 0; round < 200; round++) {
              // Real time, inside act: TanStack notifies on a timer, and React renders after.
              await act(() => sleep(5))
              clients.add(controls.client as GafaelfawrClient)
              const fetching = [...clients].some(
                (c) => c.userInfoCache.isFetching() + c.usernameCache.isFetching() > 0,
              )
              // Rendered too: every mounted viewer has drawn what its query holds now.
              const drawn = controls.viewers.every(
                (viewer) =>
                  log.filter((shown) => shown.viewer === viewer.id).at(-1)?.version != null,
              )
              if (!fetching && s.count() === 0 && drawn) break
              await s.waitIdle()
            }

            // No render after a clear resolved shows data of that client fetched before it.
            for (const { client, floor, from } of clears) {
              const stale = log
                .slice(from)
                .filter(
                  (shown) =>
                    shown.client === client && shown.version !== null && shown.version < floor,
                )
              expect(stale).toEqual([])
            }

            // Settled, every mounted viewer shows data of the current client, none older than its
            // last clear.
            const current = controls.client as GafaelfawrClient
            for (const viewer of controls.viewers) {
              const last = log.filter((shown) => shown.viewer === viewer.id).at(-1)
              expect(last?.client).toBe(current)
              expect(last?.version).not.toBeNull()
              expect(last?.version).toBeGreaterThanOrEqual(floors.get(current) ?? 0)
            }
            stats.clears += clears.length
            stats.renders += log.length
            stats.shown += log.filter((shown) => shown.version !== null).length

            unmount()
            // Unmounted, nothing observes any cache, and every subscription is gone.
            for (const client of clients) {
              expect(observers(client.userInfoCache) + observers(client.usernameCache)).toBe(0)
              expect(listeners(client.userInfoCache.getQueryCache())).toBe(baseline)
              expect(listeners(client.usernameCache.getQueryCache())).toBe(baseline)
            }
            expect(listeners(focusManager)).toBe(focusBefore)
            expect(listeners(onlineManager)).toBe(onlineBefore)
          } finally {
            // A failed case must not leave its tree (and its subscriptions) to the next one.
            unmount()
          }
        },
      ),
      { numRuns: runs('hookRaces') },
    )
    console.info(
      `hook races: ${stats.clears} clears, ${stats.renders} renders, ${stats.shown} with data`,
    )
  }, 300_000)
})
