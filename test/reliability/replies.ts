import fc from 'fast-check'
import { HttpResponse } from 'msw'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import fullQuota from '../fixtures/gafaelfawr/userinfo-full-quota.json'
import ldapNullQuota from '../fixtures/gafaelfawr/userinfo-ldap-null-quota.json'

/**
 * Generated replies of Gafaelfawr and of whatever stands in front of it, with what the client
 * must make of them. Only replies a client can really receive are generated:
 *
 * - 1xx: a Fetch `Response` cannot carry them, and fetch never hands an interim reply to its
 *   caller (it waits for the final one), so no 1xx is ever constructed.
 * - 301, 302, 303, 307, 308: fetch follows them and the caller sees the reply at `Location`,
 *   which is one of the other replies generated here; they are not constructed either (MSW would
 *   also follow a Location-less one to `…/null`, which no real client does).
 * - 204, 205, 304 cannot have a body: they are generated without one.
 */

/** The body of a generated reply, with whether it is valid user information. */
export interface GeneratedBody {
  kind: string
  text: string
  /** The username a valid body carries; undefined when the body is not valid user information. */
  username: string | undefined
}

/** One generated HTTP reply, or a dropped connection. */
export interface GeneratedReply {
  status: number
  body: GeneratedBody
  contentType: string | null
  retryAfter: string | undefined
  /** The connection is reset instead of answering (`HttpResponse.error()`). */
  reset: boolean
  /** The reply comes after this many milliseconds (beyond the client's timeout: a timeout). */
  delay: number
}

const NULL_BODY_STATUSES = new Set([204, 205, 304])
const KNOWN_FIELDS = new Set(['username', 'name', 'email', 'uid', 'gid', 'groups', 'quota'])

const count = fc.integer({ min: 0, max: 2 ** 31 - 1 })
const username = fc.string({ minLength: 1, maxLength: 64 })

const quota = fc.record(
  {
    api: fc.dictionary(fc.string({ maxLength: 12 }), count, { maxKeys: 3 }),
    disk: fc.dictionary(fc.string({ maxLength: 12 }), count, { maxKeys: 3 }),
    notebook: fc.option(
      fc.record(
        {
          cpu: fc.double({ noNaN: true, noDefaultInfinity: true }),
          memory: fc.double({ noNaN: true, noDefaultInfinity: true }),
          spawn: fc.boolean(),
        },
        { requiredKeys: ['cpu', 'memory'] },
      ),
    ),
    tap: fc.dictionary(fc.string({ maxLength: 12 }), fc.record({ concurrent: count }), {
      maxKeys: 2,
    }),
  },
  { requiredKeys: [] },
)

/** Valid user information as either endpoint sends it: any subset of the optional fields. */
export const validUser: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(someuser, otheruser, fullQuota, ldapNullQuota) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        username,
        name: fc.option(fc.string()),
        email: fc.option(fc.string()),
        uid: fc.option(count),
        gid: fc.option(count),
        groups: fc.array(fc.record({ name: fc.string(), id: count }), { maxLength: 5 }),
        quota: fc.option(quota),
      },
      { requiredKeys: ['username'] },
    ),
  },
)

const extraKey = fc.oneof(
  fc.string({ maxLength: 16 }).filter((key) => !KNOWN_FIELDS.has(key)),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'isAdmin', 'token'),
)

function nested(depth: number, leaf: string): string {
  return `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
}

/** A body that is valid user information. */
const validBody: fc.Arbitrary<GeneratedBody> = fc.oneof(
  { weight: 6, arbitrary: validUser.map((user) => body('valid', user)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validUser, fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 3 }), { minKeys: 1 }))
      .map(([user, extra]) => {
        // Extra keys first, so a known field of the user always wins.
        const text = `{${[...Object.entries(extra), ...Object.entries(user)]
          .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
          .join(',')}}`
        return { kind: 'extra fields', text, username: user.username as string }
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(username, fc.subarray(['name', 'email', 'uid', 'gid', 'quota'], { minLength: 1 }))
      .map(([name, fields]) =>
        body('allowed nulls', {
          username: name,
          ...Object.fromEntries(fields.map((field) => [field, null])),
        }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2000, max: 8000 }).map((groups) =>
      body('huge valid', {
        username: 'huge',
        groups: Array.from({ length: groups }, (_, id) => ({ name: `group-${id}`, id })),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 100, max: 3000 }).map((depth) => ({
      kind: 'deep extra field',
      text: `{"username":"deep","extra":${nested(depth, '1')}}`,
      username: 'deep',
    })),
  },
)

/** A body that is not valid user information. */
const invalidBody: fc.Arbitrary<GeneratedBody> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(validUser, fc.nat()).map(([user, cut]) => {
      const text = JSON.stringify(user)
      return bad('truncated JSON', text.slice(0, 1 + (cut % (text.length - 1))))
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
        '<!DOCTYPE html><html><body><h1>Sign in</h1><form action="/login"></form></body></html>',
        'upstream connect error or disconnect/reset before headers',
      )
      .map((text) => bad('HTML or text', text)),
  },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '\n').map((text) => bad('empty', text)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100_000, max: 1_000_000 }), fc.constantFrom('x', '{"a":', '['))
      .map(([size, unit]) => bad('huge garbage', unit.repeat(Math.ceil(size / unit.length)))),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        validUser,
        fc.constantFrom<[string, unknown]>(
          ['username', 42],
          ['username', ['a']],
          ['username', { name: 'a' }],
          ['username', true],
          ['username', ''],
          ['username', 'x'.repeat(65)],
          ['name', 5],
          ['email', []],
          ['uid', '1000'],
          ['uid', 1.5],
          ['gid', -0.5],
          ['groups', {}],
          ['groups', 'admins'],
          ['groups', [{ name: 1, id: 1 }]],
          ['groups', [{ name: 'a' }]],
          ['quota', 'unlimited'],
          ['quota', { api: { datalinker: '10' } }],
          ['quota', { notebook: { cpu: '4', memory: 8 } }],
          ['quota', { tap: { qserv: { concurrent: 1.5 } } }],
        ),
      )
      .map(([user, [field, value]]) => body('wrong types', { ...user, [field]: value }, false)),
  },
  {
    weight: 2,
    arbitrary: validUser.map(({ username: _, ...rest }) => body('missing username', rest, false)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        validUser,
        fc.constantFrom<[string, unknown]>(
          ['username', null],
          ['groups', null],
          ['groups', [null]],
          ['quota', { api: null }],
          ['quota', { tap: { qserv: null } }],
        ),
      )
      .map(([user, [field, value]]) => body('forbidden nulls', { ...user, [field]: value }, false)),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 100, max: 3000 })
      .map((depth) => bad('deep nesting', `{"username":"deep","quota":${nested(depth, '{}')}}`)),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('null', '[]', '"someuser"', '42', 'true', '[{"username":"a"}]')
      .map((text) => bad('not an object', text)),
  },
)

function body(kind: string, user: Record<string, unknown>, valid = true): GeneratedBody {
  return {
    kind,
    text: JSON.stringify(user),
    username: valid ? (user.username as string) : undefined,
  }
}

function bad(kind: string, text: string): GeneratedBody {
  return { kind, text, username: undefined }
}

/** Content types seen in front of Gafaelfawr, right or wrong. */
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/problem+json',
  'text/html; charset=utf-8',
  'text/plain',
  'application/octet-stream',
  null,
)

/** Any body, valid or not. */
export const anyBody: fc.Arbitrary<GeneratedBody> = fc.oneof(validBody, invalidBody)

/** Error bodies as Gafaelfawr and proxies send them (spec §3), or anything else. */
const errorBody: fc.Arbitrary<GeneratedBody> = fc.oneof(
  fc
    .constantFrom(
      { detail: { msg: 'Authentication required', type: 'no_authorization' } },
      { detail: [{ msg: 'Token is not valid', type: 'invalid_token' }] },
      { detail: [{ msg: 'Cannot get information for user x', type: 'permission_denied' }] },
      { detail: [{ msg: 'No external user information source configured' }] },
      { detail: [{ loc: ['path', 'username'], msg: 'bad', type: 'string_pattern_mismatch' }] },
      { detail: [{ msg: 'Unable to get user information', type: 'user_info_failed' }] },
      { detail: 'Too many requests' },
      { detail: null },
      { detail: [1, null, { msg: 2 }] },
    )
    .map((json) => bad('error detail', JSON.stringify(json))),
  anyBody,
)

const redirects = new Set([301, 302, 303, 307, 308])

/** Statuses a client can really receive, weighted towards the interesting ones. */
export const status: fc.Arbitrary<number> = fc.oneof(
  { weight: 30, arbitrary: fc.constant(200) },
  { weight: 5, arbitrary: fc.integer({ min: 201, max: 299 }) },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 300, max: 399 }).filter((code) => !redirects.has(code)),
  },
  { weight: 8, arbitrary: fc.constantFrom(401, 403, 404, 422) },
  { weight: 6, arbitrary: fc.integer({ min: 400, max: 499 }).filter((code) => code !== 429) },
  // 429 and 503 say when to come back; `Retry-After: 0` keeps the run fast.
  { weight: 3, arbitrary: fc.constantFrom(429, 503) },
  // Other 5xx are retried after the library's own back-off (about 0.75 s per read): rare.
  { weight: 1, arbitrary: fc.integer({ min: 500, max: 599 }).filter((code) => code !== 503) },
)

/** One generated reply (no resets, no delays). */
export const reply: fc.Arbitrary<GeneratedReply> = status.chain((code) =>
  fc
    .record({
      body: code >= 200 && code < 300 ? anyBody : errorBody,
      contentType,
    })
    .map(({ body: generated, contentType: type }) => ({
      status: code,
      body: NULL_BODY_STATUSES.has(code) ? bad('no body', '') : generated,
      contentType: type,
      retryAfter: code === 429 || code === 503 ? '0' : undefined,
      reset: false,
      delay: 0,
    })),
)

/** The reply MSW sends for a generated one. */
export function toResponse(generated: GeneratedReply): Response {
  if (generated.reset) return HttpResponse.error()
  const headers = new Headers()
  if (generated.contentType !== null) headers.set('content-type', generated.contentType)
  if (generated.retryAfter !== undefined) headers.set('retry-after', generated.retryAfter)
  // Bytes, not a string: a string body would get a text/plain type the reply may not have.
  const payload = NULL_BODY_STATUSES.has(generated.status)
    ? null
    : new TextEncoder().encode(generated.body.text)
  return new HttpResponse(payload, { status: generated.status, headers })
}

/** What one read must come to, given the replies its attempts get in turn. */
export type Outcome =
  | { kind: 'user'; username: string; requests: number }
  | { kind: 'invalid'; requests: number }
  | { kind: 'http'; status: number; requests: number }
  | { kind: 'no reply'; requests: number }

/** Attempts a read makes at most: the first and `DEFAULT_RETRY_LIMIT` (2) retries. */
export const MAX_ATTEMPTS = 3

/** Whether the library's policy retries a reply: network errors, 429 and 5xx only. */
export function retriable(generated: GeneratedReply, timeout: number): boolean {
  if (generated.delay >= timeout) return false
  return generated.reset || generated.status === 429 || generated.status >= 500
}

/**
 * The outcome the documented policy gives: attempt n gets `script[n]` (the last one repeats);
 * retriable failures are tried again up to three attempts in all, and nothing else is.
 */
export function expectedOutcome(script: readonly GeneratedReply[], timeout: number): Outcome {
  for (let attempt = 1; ; attempt++) {
    const generated = script[Math.min(attempt, script.length) - 1] as GeneratedReply
    if (retriable(generated, timeout) && attempt < MAX_ATTEMPTS) continue
    if (generated.delay >= timeout || generated.reset)
      return { kind: 'no reply', requests: attempt }
    if (generated.status >= 200 && generated.status < 300) {
      const name = generated.body.username
      return name === undefined
        ? { kind: 'invalid', requests: attempt }
        : { kind: 'user', username: name, requests: attempt }
    }
    return { kind: 'http', status: generated.status, requests: attempt }
  }
}
