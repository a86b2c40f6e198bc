import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * The garbage collector, so that heap figures count live objects only. Node runs without
 * `--expose-gc` under `npm run bench`, so the flag is switched on here when it is missing.
 *
 * @returns A function that runs a full collection.
 */
export function garbageCollector(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as (() => void) | undefined
  if (typeof gc !== 'function') throw new Error('bench: cannot reach the garbage collector')
  return gc
}

/**
 * Heap in use once garbage is gone. Node's `Request`, `AbortSignal.any()` and friends free
 * part of their memory in FinalizationRegistry callbacks, which run only after a collection
 * and a turn of the event loop; so this collects and yields a few times before reading.
 *
 * @returns `process.memoryUsage().heapUsed`, in bytes.
 */
export async function heapAfterGc(): Promise<number> {
  const gc = garbageCollector()
  for (let i = 0; i < 4; i++) {
    gc()
    await sleep(10)
  }
  gc()
  return process.memoryUsage().heapUsed
}

/**
 * Lets timers, I/O callbacks and FinalizationRegistry callbacks run, as real network I/O
 * would between requests.
 *
 * @returns A promise that resolves on the next turn of the event loop.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * How long `work` takes, in milliseconds.
 *
 * @param work - The work to time.
 * @returns The elapsed wall time.
 */
export async function timeIt(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

/**
 * Resolves after `ms` milliseconds.
 *
 * @param ms - The delay.
 * @returns A promise that resolves with nothing.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * The median of some numbers.
 *
 * @param values - At least one number.
 * @returns The middle value (the mean of the two middle ones for an even count).
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[mid] as number
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Formats bytes as kB (1000 bytes), one decimal. */
export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`
}

/** Formats bytes as MB (10^6 bytes), one decimal. */
export function MB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}
