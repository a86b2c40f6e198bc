/**
 * Where the library reports what it does. Silent by default; pass `console` or an adapter for
 * your logging library. Tokens never reach it.
 */
export interface GafaelfawrLogger {
  /** Routine events, such as a discovery refresh. */
  debug(message: string, context?: Record<string, unknown>): void
  /** Something went wrong but the library coped, such as a stale discovery copy in use. */
  warn(message: string, context?: Record<string, unknown>): void
  /** Something failed, such as discovery with no older copy to fall back on. */
  error(message: string, context?: Record<string, unknown>): void
}

const noop = (): void => {}

/** A logger that drops everything: the default. */
export const silentLogger: GafaelfawrLogger = Object.freeze({
  debug: noop,
  warn: noop,
  error: noop,
})
