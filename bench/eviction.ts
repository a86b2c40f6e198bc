import ky from 'ky'
import { GafaelfawrClient } from '../src/client/index'
import { heapAfterGc, MB, median, timeIt, yieldToEventLoop } from './support/measure'
import { type Row, row } from './support/row'

const CACHE_SIZE = 1000
const SMALL = 1_000
const LARGE = [10_000, 100_000] as const
/** Target: an access at 100k inserts costs at most 1.5 times one at 1k (O(1) eviction). */
const TARGET_RATIO = 1.5
/** Heap after 100k inserts may be at most this many times the heap after 1k (bounded). */
const HEAP_TARGET_RATIO = 1.5
/** Timed 1k runs before the large runs, and as many after them. */
const BASELINE_REPEATS = 4
/** Accesses between two turns of the event loop. */
const YIELD_EVERY = 100

/**
 * A ky instance that answers every by-name lookup itself, with `{"username": name}`: the
 * client's real code path (ky, parsing, validation, caches, eviction) without a network.
 */
function loopbackHttp() {
  return ky.create({
    fetch: async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      const username = decodeURIComponent(url.pathname.split('/').pop() ?? '')
      return new Response(JSON.stringify({ username }), {
        headers: { 'content-type': 'application/json' },
      })
    },
  })
}

/** A username with a letter after its first character, as Gafaelfawr's rule requires. */
function username(run: number, i: number): string {
  return `user${run}-${i.toString(36)}`
}

let runs = 0

interface Run {
  perAccessUs: number
  client: GafaelfawrClient
}

interface Footprint {
  entries: number
  heap: number
}

/** `count` distinct misses, one after another, into a fresh 1000-entry client. */
async function insert(count: number): Promise<Run> {
  const run = ++runs
  const client = new GafaelfawrClient({
    baseUrl: 'http://gafaelfawr.bench.invalid/auth/api/v1',
    http: loopbackHttp(),
    cacheSize: CACHE_SIZE,
  })
  const ms = await timeIt(async () => {
    for (let i = 0; i < count; i++) {
      await client.getUserInfoByName(username(run, i))
      // The loopback fetch never waits on I/O; real requests would let the loop turn.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop()
    }
  })
  return { perAccessUs: (ms * 1000) / count, client }
}

/** Entries of a client's by-name cache, and the heap while the client is alive. */
async function footprint(client: GafaelfawrClient): Promise<Footprint> {
  const entries = client.usernameCache.getQueryCache().getAll().length
  return { entries, heap: await heapAfterGc() }
}

/**
 * Eviction: the cost of one access and the size of the cache after 1k, 10k and 100k distinct
 * inserts into a 1000-entry cache. At 1k nothing is evicted, so it is the baseline of the
 * larger runs; each access goes through ky (with a fetch that answers locally), the schema
 * and the LRU bound. The 1k baseline is timed before and after the large runs (median of
 * both), so that a change of load on a shared machine moves both sides alike. Entries and
 * heap are read with the client of the run alive.
 *
 * @returns Per size: cost per access, and entry count and heap, each against the 1k run.
 */
export async function evictionBench(): Promise<Row[]> {
  await insert(SMALL) // warm-up: JIT and allocation paths
  const baseTimes: number[] = []
  for (let r = 0; r < BASELINE_REPEATS; r++) baseTimes.push((await insert(SMALL)).perAccessUs)
  const perAccess = new Map<number, number>()
  const sizes = new Map<number, Footprint>()
  for (const size of LARGE) {
    const run = await insert(size)
    perAccess.set(size, run.perAccessUs)
    sizes.set(size, await footprint(run.client))
    // Untimed: a full collection slows the run that follows it.
    await insert(SMALL)
  }
  let last: Run | undefined
  for (let r = 0; r < BASELINE_REPEATS; r++) {
    last = await insert(SMALL)
    baseTimes.push(last.perAccessUs)
  }
  perAccess.set(SMALL, median(baseTimes))
  // The last timed run: its footprint can be read now, nothing is timed after it.
  sizes.set(SMALL, await footprint((last as Run).client))

  const baseTime = perAccess.get(SMALL) as number
  const baseHeap = (sizes.get(SMALL) as Footprint).heap
  const rows: Row[] = []
  for (const size of [SMALL, ...LARGE]) {
    const time = perAccess.get(size) as number
    const { entries, heap } = sizes.get(size) as Footprint
    const label = `${size / 1000}k`
    const first = size === SMALL
    rows.push(
      row({
        benchmark: `eviction: cost per access, ${label} inserts into ${CACHE_SIZE} entries`,
        figure: `${time.toFixed(0)} µs`,
        baseline: `${baseTime.toFixed(0)} µs at 1k (no eviction)`,
        figureValue: time,
        baselineValue: baseTime,
        target: first ? '-' : `ratio ≤ ${TARGET_RATIO}`,
        ok: first ? undefined : time / baseTime <= TARGET_RATIO,
      }),
      row({
        benchmark: `eviction: entries and heap after ${label} inserts`,
        figure: `${entries} entries, ${MB(heap)} heap`,
        baseline: `${CACHE_SIZE} entries (limit); ${MB(baseHeap)} heap at 1k`,
        figureValue: heap,
        baselineValue: baseHeap,
        target: `≤ ${CACHE_SIZE} entries, heap ratio ≤ ${HEAP_TARGET_RATIO}`,
        ok: entries <= CACHE_SIZE && heap / baseHeap <= HEAP_TARGET_RATIO,
      }),
    )
  }
  return rows
}
