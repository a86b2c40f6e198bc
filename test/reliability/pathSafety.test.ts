import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient, GafaelfawrValidationError } from '../../src/client'
import { runs } from './runs'
import { GAFAELFAWR_URL, realisticToken, requests, server, settle } from './support'

const USERS_PATH = `${new URL(GAFAELFAWR_URL).pathname}/users/`

/** Pieces of hostile names: separators, dot segments, encodings, Unicode, controls, ?, #. */
const fragment = fc.constantFrom(
  ...[
    ['/', '\\', '//', '..', '.', './', '../', '..\\', '%2F', '%2f', '%5C', '%2e%2e', '%2E%2E%2F'],
    ['%00', '%', '%zz', '%25', '%u002e', '?', '#', '?admin=1', '#frag', '&', ';', '=', '@', ':'],
    [' ', '\t', '\n', '\r', '\0', '\x7f', '\u0085', '\u2028', '\u202e', '\ufeff', '\u200b'],
    ['é', 'e\u0301', 'İ', 'ß', 'ｕｓｅｒ', '／', '∕', '\uff0e', '\u2024', '😀', '\ud800', '\udfff'],
    ['alice', 'bob-1', 'x', '0', '9', '-', 'A', 'Z', 'users', 'user-info', 'admin', '--'],
  ].flat(),
)

/** Usernames a caller (or an attacker steering one) might pass. */
const hostileUsername: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.array(fragment, { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('a', 'z', '0', '-'),
      minLength: 60,
      maxLength: 300,
    }),
  },
  // Names close to the rule, so that valid ones are generated too.
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,66}$/) },
)

function serveAnything(): void {
  server.use(
    http.all('*', ({ request }) => {
      const segment = new URL(request.url).pathname.split('/').pop() ?? ''
      let username = 'x'
      try {
        username = decodeURIComponent(segment) || 'x'
      } catch {}
      return HttpResponse.json({ username: username.slice(0, 64) })
    }),
  )
}

/** Either a validation error and no request, or one request to `{v1}/users/<one segment>`. */
function expectSafe(
  username: string,
  result: Awaited<ReturnType<typeof settle>>,
  tally: { refused: number; sent: number },
): void {
  if (requests.length === 0) {
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toBeInstanceOf(GafaelfawrValidationError)
    tally.refused += 1
    return
  }
  expect(requests).toHaveLength(1)
  const url = new URL((requests[0] as { url: string }).url)
  expect(url.origin).toBe(new URL(GAFAELFAWR_URL).origin)
  expect(url.search).toBe('')
  expect(url.hash).toBe('')
  expect(url.pathname.startsWith(USERS_PATH)).toBe(true)
  const segments = url.pathname.slice(USERS_PATH.length).split('/')
  expect(segments).toHaveLength(1)
  expect(decodeURIComponent(segments[0] as string)).toBe(username)
  tally.sent += 1
}

describe('path safety', () => {
  it('refuses a hostile username before any request, or sends it as one path segment', async () => {
    const tally = { refused: 0, sent: 0 }
    await fc.assert(
      fc.asyncProperty(hostileUsername, realisticToken, fc.boolean(), async (name, token, hook) => {
        requests.length = 0
        serveAnything()
        const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
        // A Node caller, or the query options a hook runs.
        const result = await settle(
          hook
            ? client.usernameCache.query(client.userInfoByNameQuery(name, token))
            : client.getUserInfoByName(name, token),
        )
        expectSafe(name, result, tally)
      }),
      { numRuns: runs('pathSafety') },
    )
    // Both branches of the property were exercised.
    expect(tally.refused).toBeGreaterThan(0)
    expect(tally.sent).toBeGreaterThan(0)
    console.info(`path safety: ${tally.refused} names refused, ${tally.sent} sent`)
  }, 300_000)

  it.each([
    '..',
    '../admin',
    'a/b',
    'a%2Fb',
    'alice?admin=1',
    'alice#x',
    'alice\n',
    'ALICE',
    'a'.repeat(65),
  ])('refuses %j before any request', async (name) => {
    serveAnything()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const result = await settle(client.getUserInfoByName(name, 'gt-a.b'))
    expect(!result.ok && result.error).toBeInstanceOf(GafaelfawrValidationError)
    expect(requests).toEqual([])
  })
})
