import * as z from 'zod/mini'

// Building blocks that check JSON values as zod's own schemas would, with less of zod in the
// bundle: each one is a check on `z.unknown()`, a part that the object schemas pull in anyway.
// Together they keep zod's record, array, nullable, string, number, boolean, number-format and
// custom schemas out (about 1.8 kB gzipped in all). Only the issue code of a wrong value
// differs (`custom`, not `invalid_type`); its path and its message ("Invalid input") are the
// same. A check that gives an output sets `payload.value`, as zod's own `z.overwrite()` does.

type Payload = z.core.ParsePayload

/** Parses `value` with `schema`, adds its issues to `payload` under `path`, returns its output. */
function parseInto(schema: z.ZodMiniType, value: unknown, payload: Payload, path: PropertyKey[]) {
  const result = schema.safeParse(value)
  for (const issue of result.error?.issues ?? []) {
    payload.issues.push({ ...issue, path: [...path, ...issue.path] } as z.core.$ZodRawIssue)
  }
  return result.data
}

/** A schema of one check on `z.unknown()`, typed `Out`. */
function lean<Out>(check: (payload: Payload) => void): z.ZodMiniType<Out, Out> {
  return z.unknown().check(check) as unknown as z.ZodMiniType<Out, Out>
}

/**
 * Schema of an object whose every value matches `value`, whatever the keys: for JSON, the
 * same check as `z.record(z.string(), value)`, each bad value reported under its key.
 */
export function recordOf<T extends z.core.SomeType>(value: T) {
  return z.catchall(z.object({}), value)
}

/**
 * Schema of the values for which `valid` is true, typed `T`. An absent key of an object is
 * checked as `undefined`, so it fails as it would with zod's types.
 */
export function jsonValue<T>(valid: (value: unknown) => boolean) {
  return lean<T>((payload) => {
    if (!valid(payload.value)) payload.issues.push({ code: 'custom', input: payload.value })
  })
}

/**
 * `z.array(item)`: a new array of the items' outputs, the issues of a bad item reported under
 * its index.
 */
export function arrayOf<T extends z.ZodMiniType>(item: T) {
  return lean<z.output<T>[]>((payload) => {
    const { value } = payload
    if (!Array.isArray(value)) return void payload.issues.push({ code: 'custom', input: value })
    payload.value = value.map((entry, index) => parseInto(item, entry, payload, [index]))
  })
}

/** `z.nullable(inner)`: `null`, or what `inner` makes of the value. */
export function nullableOf<T extends z.ZodMiniType>(inner: T) {
  return lean<z.output<T> | null>((payload) => {
    if (payload.value !== null) payload.value = parseInto(inner, payload.value, payload, [])
  })
}

/** `z.string()`, for JSON. */
export const jsonString = () => jsonValue<string>((value) => typeof value === 'string')

/** `z.number()`, for JSON: a finite number. */
export const jsonNumber = () => jsonValue<number>(Number.isFinite)

/** `z.int()`, for JSON: a safe integer. */
export const jsonInteger = () => jsonValue<number>(Number.isSafeInteger)

/** `z.boolean()`, for JSON. */
export const jsonBoolean = () => jsonValue<boolean>((value) => typeof value === 'boolean')
