import * as z from 'zod/mini'

// Building blocks that check JSON values as zod's own schemas would, with less of zod in the
// bundle: each one is made of parts that the object schemas pull in anyway. Together they keep
// zod's record, string, number, boolean, number-format and custom schemas out (about 1.2 kB
// gzipped in all). Only the issue code of a wrong value differs (`custom`, not
// `invalid_type`); its path and its message ("Invalid input") are the same.

/**
 * Schema of an object whose every value matches `value`, whatever the keys: for JSON, the
 * same check as `z.record(z.string(), value)`, each bad value reported under its key.
 */
export function recordOf<T extends z.core.SomeType>(value: T) {
  return z.catchall(z.object({}), value)
}

/**
 * Schema of the values for which `valid` is true, typed `T`: one check on `z.unknown()`. An
 * absent key of an object is checked as `undefined`, so it fails as it would with zod's types.
 */
export function jsonValue<T>(valid: (value: unknown) => boolean): z.ZodMiniType<T, T> {
  return z.unknown().check((payload) => {
    if (!valid(payload.value)) payload.issues.push({ code: 'custom', input: payload.value })
  }) as unknown as z.ZodMiniType<T, T>
}

/** `z.string()`, for JSON. */
export const jsonString = () => jsonValue<string>((value) => typeof value === 'string')

/** `z.number()`, for JSON: a finite number. */
export const jsonNumber = () => jsonValue<number>(Number.isFinite)

/** `z.int()`, for JSON: a safe integer. */
export const jsonInteger = () => jsonValue<number>(Number.isSafeInteger)

/** `z.boolean()`, for JSON. */
export const jsonBoolean = () => jsonValue<boolean>((value) => typeof value === 'boolean')
