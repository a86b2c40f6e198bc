import { QueryClient } from '@tanstack/query-core'
import ky from 'ky'
import { GafaelfawrClient } from '../src/client/index'
import { median } from './support/measure'
import { type Row, row } from './support/row'

/** How long each measured loop runs, in milliseconds. */
const LOOP_MS = 400
const ROUNDS = 3

/** Operations per second of `op`, run back to back for about `LOOP_MS`; median of rounds. */
async function opsPerSecond(op: () => unknown): Promise<number> {
  const rates: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0
    const start = performance.now()
    let elapsed = 0
    while (elapsed < LOOP_MS) {
      // Batches of 256 keep the clock out of the measurement.
      for (let i = 0; i < 256; i++) await op()
      count += 256
      elapsed = performance.now() - start
    }
    rates.push((count * 1000) / elapsed)
  }
  return median(rates)
}

/** As `opsPerSecond`, for a synchronous operation (no `await` between calls). */
function syncOpsPerSecond(op: () => unknown): number {
  const rates: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0
    const start = performance.now()
    let elapsed = 0
    while (elapsed < LOOP_MS) {
      for (let i = 0; i < 4096; i++) op()
      count += 4096
      elapsed = performance.now() - start
    }
    rates.push((count * 1000) / elapsed)
  }
  return median(rates)
}

function perSecond(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M/s`
  return `${(rate / 1e3).toFixed(0)} k/s`
}

/**
 * Cache hits: `getUserInfo()` on a warm cache, next to a bare `Map` lookup, an awaited `Map`
 * lookup (what any promise-returning cache costs at least) and a hit of the TanStack engine
 * alone (what the library adds to it), in the same run.
 *
 * @returns Three rows: hits per second against each baseline.
 */
export async function hitsBench(): Promise<Row[]> {
  const client = new GafaelfawrClient({
    baseUrl: 'http://gafaelfawr.bench.invalid/auth/api/v1',
    token: 'gt-benchbenchbenchbenchbe.benchbenchbenchbenchbe',
    http: ky.create({
      fetch: async () =>
        new Response(JSON.stringify({ username: 'someuser' }), {
          headers: { 'content-type': 'application/json' },
        }),
    }),
  })
  const user = await client.getUserInfo()
  if (user.username !== 'someuser') throw new Error('bench: the warm-up read failed')

  const map = new Map<string, unknown>()
  for (let i = 0; i < 1000; i++) map.set(`key-${i}`, { username: `user-${i}` })
  let sink = 0
  const mapGet = () => {
    if (map.get('key-500') !== undefined) sink++
  }
  const awaitedMapGet = async () => map.get('key-500')

  // The engine underneath, alone: a warm QueryClient answering query() for one key.
  const engine = new QueryClient({ defaultOptions: { queries: { staleTime: 300_000 } } })
  const engineOptions = () => ({
    queryKey: ['gafaelfawr', 'user-info', 't1'],
    queryFn: async () => user,
    staleTime: 300_000,
    retry: false as const,
  })
  await engine.query(engineOptions())

  await opsPerSecond(() => client.getUserInfo()) // warm-up
  const hits = await opsPerSecond(() => client.getUserInfo())
  const bare = syncOpsPerSecond(mapGet)
  const awaited = await opsPerSecond(awaitedMapGet)
  const tanstack = await opsPerSecond(() => engine.query(engineOptions()))
  if (sink === 0) throw new Error('bench: the Map lookup found nothing')

  return [
    row({
      benchmark: 'hits: getUserInfo() on a warm cache vs bare Map.get',
      figure: perSecond(hits),
      baseline: `${perSecond(bare)} Map.get`,
      figureValue: hits,
      baselineValue: bare,
    }),
    row({
      benchmark: 'hits: getUserInfo() on a warm cache vs awaited Map.get',
      figure: perSecond(hits),
      baseline: `${perSecond(awaited)} await of an async Map.get`,
      figureValue: hits,
      baselineValue: awaited,
    }),
    row({
      benchmark: 'hits: getUserInfo() on a warm cache vs bare TanStack query()',
      figure: perSecond(hits),
      baseline: `${perSecond(tanstack)} QueryClient.query() hit, no library`,
      figureValue: hits,
      baselineValue: tanstack,
    }),
  ]
}
