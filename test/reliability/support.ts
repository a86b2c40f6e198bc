import fc from 'fast-check'
import { afterEach, beforeEach, expect } from 'vitest'
import type { GafaelfawrLogger } from '../../src/client'

export { requests, type SeenRequest } from '../support/requests'
export { GAFAELFAWR_URL, REPERTOIRE_URL, server } from '../support/server'

/** Promise rejections nobody handled while the current test ran. */
export const unhandledRejections: unknown[] = []
const onUnhandled = (reason: unknown): void => {
  unhandledRejections.push(reason)
}

beforeEach(() => {
  unhandledRejections.length = 0
  process.on('unhandledRejection', onUnhandled)
})

afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
})

/** One line a logger received. */
export interface LogLine {
  level: 'debug' | 'warn' | 'error'
  message: string
  context: Record<string, unknown> | undefined
}

/** A logger that keeps every line, to search them. */
export function captureLogger(): GafaelfawrLogger & { lines: LogLine[] } {
  const lines: LogLine[] = []
  const at =
    (level: LogLine['level']) =>
    (message: string, context?: Record<string, unknown>): void => {
      lines.push({ level, message, context })
    }
  return { lines, debug: at('debug'), warn: at('warn'), error: at('error') }
}

/**
 * Every string reachable from `value`: own properties (enumerable or not, `stack` aside, whose
 * text is the message already walked), `cause`, array items, map entries, object keys. The walk
 * is iterative, so deeply nested bodies cannot overflow the stack.
 */
export function reachableStrings(value: unknown): string[] {
  const out: string[] = []
  const seen = new Set<object>()
  const todo: unknown[] = [value]
  while (todo.length > 0) {
    const item = todo.pop()
    if (typeof item === 'string') {
      out.push(item)
      continue
    }
    if (typeof item === 'number' || typeof item === 'boolean' || typeof item === 'bigint') {
      out.push(String(item))
      continue
    }
    if (item === null || typeof item !== 'object' || seen.has(item)) continue
    seen.add(item)
    if (item instanceof Map) {
      for (const [key, entry] of item) todo.push(key, entry)
      continue
    }
    if (item instanceof Set) {
      for (const entry of item) todo.push(entry)
      continue
    }
    for (const name of Object.getOwnPropertyNames(item)) {
      if (name === 'stack') continue
      out.push(name)
      todo.push((item as Record<string, unknown>)[name])
    }
  }
  return out
}

/** Fails when `token` occurs in any string reachable from `value`. */
export function expectNoToken(value: unknown, token: string, where: string): void {
  const leaks = reachableStrings(value).filter((text) => text.includes(token))
  expect(leaks, `token found in ${where}`).toEqual([])
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const base64url22 = fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 22, maxLength: 22 })

/** Tokens of Gafaelfawr's real shape, `gt-<22>.<22>` (spec §2). */
export const realisticToken: fc.Arbitrary<string> = fc
  .tuple(base64url22, base64url22)
  .map(([key, secret]) => `gt-${key}.${secret}`)

/**
 * Arbitrary printable strings of 16 characters or more (ASCII, which can be sent, and any
 * Unicode, which cannot): long enough that finding one in a message cannot be chance.
 */
export const printableToken: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 16, maxLength: 80 }),
  fc.string({ unit: 'grapheme', minLength: 16, maxLength: 40 }),
)

/** Any token a caller might hold. */
export const anyToken: fc.Arbitrary<string> = fc.oneof(realisticToken, printableToken)

/** `n` distinct realistic tokens, built without randomness (for load and routing). */
export function numberedTokens(n: number, prefix = 'Load'): string[] {
  return Array.from({ length: n }, (_, i) => {
    const key = `${prefix}${i}`.padEnd(22, 'K').slice(0, 22)
    return `gt-${key}.${'S'.repeat(22 - String(i).length)}${i}`
  })
}

/** The token of an `Authorization: Bearer` header, or undefined. */
export function bearer(request: Request): string | undefined {
  const header = request.headers.get('authorization')
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
}

/** A promise and the function that settles it, to hold a handler until the test says. */
export function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open: (value: T) => void = () => {}
  const promise = new Promise<T>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

/** Waits `ms` milliseconds for real. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Settles `promise` into a value or an error, never rejecting. */
export async function settle<T>(
  promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise }
  } catch (error) {
    return { ok: false, error }
  }
}
