import { GafaelfawrClient } from '../src/client/index'
import { startLatencyServer } from './support/latencyServer'
import { median, timeIt } from './support/measure'
import { type Row, row } from './support/row'

const LATENCY_MS = 50
const MISSES = 100
/**
 * Warm-up rounds of each side before any is measured: on Node 20 here the first rounds of
 * either side run before the JIT has compiled the request path, and both settle after about
 * fifteen (of 100 requests each).
 */
const WARM_UP_ROUNDS = 20
/** Rounds measured after the warm-up, interleaved; the median is kept. */
const ROUNDS = 9
/** Target: 100 distinct misses take at most two round trips of wall time. */
const TARGET_ROUND_TRIPS = 2

/** One async lock for every miss, as `rubin.gafaelfawr` holds around its cache misses. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work)
    this.#tail = result.catch(() => undefined)
    return result
  }
}

let batch = 0

/** `count` fresh usernames; each has a letter after its first character, as Gafaelfawr requires. */
function freshNames(count: number): string[] {
  batch++
  return Array.from({ length: count }, (_, i) => `user${batch}-${i.toString(36)}`)
}

/**
 * Parallel misses: 100 distinct `getUserInfoByName` misses against a real local server with
 * 50 ms latency, next to the same calls serialised behind one lock (as the Python client
 * does), and next to 100 bare `fetch` calls (the floor this machine allows), all in round
 * trips of one miss measured in the same run.
 *
 * @returns Two rows: against the serialised client, and against bare fetch.
 */
export async function parallelBench(): Promise<Row[]> {
  const server = await startLatencyServer(LATENCY_MS)
  try {
    const users = (name: string) => `${server.baseUrl}/users/${name}`
    const libraryRound = async () => {
      const client = new GafaelfawrClient({ baseUrl: server.baseUrl })
      const names = freshNames(MISSES)
      const before = await server.requests()
      const ms = await timeIt(() => Promise.all(names.map((n) => client.getUserInfoByName(n))))
      const sent = (await server.requests()) - before
      if (sent !== MISSES) throw new Error(`bench: ${MISSES} misses sent ${sent} requests`)
      return ms
    }
    const fetchRound = () => {
      const names = freshNames(MISSES)
      return timeIt(() => Promise.all(names.map((n) => fetch(users(n)).then((r) => r.json()))))
    }

    // One round trip as the client sees it: a miss on a warm connection, median of five.
    const probe = new GafaelfawrClient({ baseUrl: server.baseUrl })
    await probe.getUserInfoByName('warm-up')
    const trips: number[] = []
    for (const name of freshNames(5)) trips.push(await timeIt(() => probe.getUserInfoByName(name)))
    const roundTrip = median(trips)

    // Warm-up rounds of each (JIT, sockets), then interleaved measured rounds.
    for (let i = 0; i < WARM_UP_ROUNDS; i++) {
      await libraryRound()
      await fetchRound()
    }
    const library: number[] = []
    const bare: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      library.push(await libraryRound())
      bare.push(await fetchRound())
    }
    const parallelMs = median(library)
    const fetchMs = median(bare)

    const serial = new GafaelfawrClient({ baseUrl: server.baseUrl })
    const lock = new Mutex()
    const serialMs = await timeIt(() =>
      Promise.all(freshNames(MISSES).map((n) => lock.run(() => serial.getUserInfoByName(n)))),
    )

    const parallelTrips = parallelMs / roundTrip
    const serialTrips = serialMs / roundTrip
    const fetchTrips = fetchMs / roundTrip
    const figure = `${parallelTrips.toFixed(2)} trips (${parallelMs.toFixed(0)} ms; 1 trip ${roundTrip.toFixed(1)} ms)`
    return [
      row({
        benchmark: `parallel: ${MISSES} distinct by-name misses, ${LATENCY_MS} ms latency`,
        figure,
        baseline: `${serialTrips.toFixed(1)} trips (${serialMs.toFixed(0)} ms), misses behind one lock`,
        figureValue: parallelTrips,
        baselineValue: serialTrips,
        target: `≤ ${TARGET_ROUND_TRIPS} trips`,
        ok: parallelTrips <= TARGET_ROUND_TRIPS,
      }),
      row({
        benchmark: `parallel: same, against ${MISSES} bare fetch() calls`,
        figure,
        baseline: `${fetchTrips.toFixed(2)} trips (${fetchMs.toFixed(0)} ms), bare fetch`,
        figureValue: parallelTrips,
        baselineValue: fetchTrips,
      }),
    ]
  } finally {
    await server.close()
  }
}
