/**
 * Where the library reports what it does. Silent by default; pass `console` or an adapter for
 * your logging library. Tokens never reach it.
 */
export interface GafaelfawrLogger {
  debug(message: string, context?: Record<string, unknown>): void
  warn(message: string, context?: Record<string, unknown>): void
  error(message: string, context?: Record<string, unknown>): void
}

const noop = (): void => {}

/** A logger that drops everything: the default. */
export const silentLogger: GafaelfawrLogger = Object.freeze({
  debug: noop,
  warn: noop,
  error: noop,
})
