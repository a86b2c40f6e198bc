import { afterEach, beforeEach, type Mock, vi } from 'vitest'
import type { GafaelfawrLogger } from '../../src/client'
import { requests, type SeenRequest } from '../support/requests'

export { requests, type SeenRequest } from '../support/requests'

/** A token of the real shape, `gt-<22>.<22>`, distinctive enough to search for. */
export const TOKEN = 'gt-SecretKeyAAAAAAAAAAAAA.SecretBodyBBBBBBBBBBBBB'
/** A second token, for tests that need two callers. */
export const OTHER_TOKEN = 'gt-OtherKeyCCCCCCCCCCCCCC.OtherBodyDDDDDDDDDDDDDD'

/** Requests to URLs that start with `prefix`. */
export function requestsTo(prefix: string): SeenRequest[] {
  return requests.filter((request) => request.url.startsWith(prefix))
}

/** A promise with its resolve function, to hold a handler until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => {}
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

/** A logger whose calls can be inspected. */
export function captureLogger(): {
  debug: Mock<GafaelfawrLogger['debug']>
  warn: Mock<GafaelfawrLogger['warn']>
  error: Mock<GafaelfawrLogger['error']>
} {
  return {
    debug: vi.fn<GafaelfawrLogger['debug']>(),
    warn: vi.fn<GafaelfawrLogger['warn']>(),
    error: vi.fn<GafaelfawrLogger['error']>(),
  }
}

/** Waits `ms` milliseconds for real. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Runs `fn` and returns what it threw; fails when it does not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to throw, but it returned')
}

/**
 * Everything an error exposes as text: its message, stack, every own property (enumerable or
 * not) and its cause, with the cause's own properties.
 */
export function exposedText(error: unknown): string {
  const parts: string[] = []
  const visit = (value: unknown, depth: number): void => {
    if (value === null || value === undefined) return
    parts.push(String(value))
    if (typeof value !== 'object' || depth > 2) return
    for (const name of Object.getOwnPropertyNames(value)) {
      const property = (value as Record<string, unknown>)[name]
      if (name === 'cause') {
        visit(property, depth + 1)
        continue
      }
      try {
        parts.push(`${name}=${JSON.stringify(property)}`)
      } catch {
        parts.push(`${name}=${String(property)}`)
      }
    }
  }
  visit(error, 0)
  return parts.join('\n')
}

/**
 * Unsets REPERTOIRE_BASE_URL before each test of the enclosing `describe` and puts back what
 * it was after each, so tests may set it freely.
 */
export function withoutRepertoireEnv(): void {
  const saved = process.env.REPERTOIRE_BASE_URL
  beforeEach(() => {
    delete process.env.REPERTOIRE_BASE_URL
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.REPERTOIRE_BASE_URL
    else process.env.REPERTOIRE_BASE_URL = saved
  })
}
