import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  DiscoveryClient,
  GafaelfawrClient,
  GafaelfawrForbiddenError,
  GafaelfawrNotFoundError,
  GafaelfawrUnauthorizedError,
  GafaelfawrWebError,
  RepertoireError,
} from '../../src/client'
import gafaelfawrOnly from '../fixtures/repertoire/gafaelfawr-only.json'
import { expectedOutcome, type GeneratedReply, toResponse } from './replies'
import { runs } from './runs'
import {
  bearer,
  captureLogger,
  GAFAELFAWR_URL,
  numberedTokens,
  REPERTOIRE_URL,
  requests,
  server,
  settle,
  sleep,
} from './support'

const DISCOVERY_URL = `${REPERTOIRE_URL}/discovery`
const [TOKEN_A, TOKEN_B] = numberedTokens(2, 'Fault') as [string, string]

function user(username: string): GeneratedReply {
  return {
    status: 200,
    body: { kind: 'good', text: JSON.stringify({ username }), username },
    contentType: 'application/json',
    retryAfter: undefined,
    reset: false,
    delay: 0,
  }
}

function serveUser(username = 'someuser'): void {
  server.use(http.get(`${GAFAELFAWR_URL}/user-info`, () => HttpResponse.json({ username })))
}

type DiscoveryFault = '500' | '503' | 'network' | 'slow' | 'html' | 'not a document'

/** How many requests the policy makes for one discovery refresh that meets `fault`. */
const DISCOVERY_ATTEMPTS: Record<DiscoveryFault, number> = {
  '500': 3,
  '503': 3,
  network: 3,
  slow: 1,
  html: 1,
  'not a document': 1,
}

function serveDiscoveryFault(fault: DiscoveryFault): void {
  server.use(
    http.get(DISCOVERY_URL, async () => {
      switch (fault) {
        case '500':
          return HttpResponse.json({ detail: 'boom' }, { status: 500 })
        case '503':
          return new HttpResponse('<html>down</html>', {
            status: 503,
            headers: { 'retry-after': '0', 'content-type': 'text/html' },
          })
        case 'network':
          return HttpResponse.error()
        case 'slow':
          await sleep(300)
          return HttpResponse.json(gafaelfawrOnly)
        case 'html':
          return HttpResponse.html('<html><body>Sign in</body></html>')
        case 'not a document':
          return HttpResponse.json({ services: 'none' })
      }
    }),
  )
}

const discoveryFault = fc.constantFrom<DiscoveryFault>(
  'slow',
  'html',
  'not a document',
  '503',
  'network',
  '500',
)

describe('faults: Repertoire', () => {
  it('serves the older discovery copy and warns when a refresh fails, and fails typed without one', async () => {
    await fc.assert(
      fc.asyncProperty(discoveryFault, fc.boolean(), async (fault, cached) => {
        requests.length = 0
        const logger = captureLogger()
        const discoveryClient = new DiscoveryClient({
          baseUrl: REPERTOIRE_URL,
          cacheLifetime: 1,
          timeout: 100,
          logger,
        })
        const client = new GafaelfawrClient({ discoveryClient, logger, timeout: 1000 })
        serveUser()
        if (cached) {
          server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(gafaelfawrOnly)))
          expect((await client.getUserInfo(TOKEN_A)).username).toBe('someuser')
          await sleep(5) // the copy is now older than its 1 ms lifetime
        }
        serveDiscoveryFault(fault)
        requests.length = 0
        logger.lines.length = 0

        // Another token, so the read misses the user cache and needs discovery.
        const result = await settle(client.getUserInfo(TOKEN_B))

        const discoveryRequests = requests.filter((request) => request.url === DISCOVERY_URL)
        expect(discoveryRequests).toHaveLength(DISCOVERY_ATTEMPTS[fault])
        const warnings = logger.lines.filter((line) => line.level === 'warn')
        if (cached) {
          expect(result.ok && result.value.username).toBe('someuser')
          expect(warnings).toHaveLength(1)
          expect(warnings[0]?.message).toMatch(/older copy/)
          expect(requests.at(-1)?.url).toBe(`${GAFAELFAWR_URL}/user-info`)
        } else {
          expect(!result.ok && result.error).toBeInstanceOf(RepertoireError)
          expect(warnings).toEqual([])
          expect(logger.lines.filter((line) => line.level === 'error')).toHaveLength(1)
          expect(requests.every((request) => request.url === DISCOVERY_URL)).toBe(true)
        }
      }),
      { numRuns: runs('discoveryFaults') },
    )
  }, 300_000)
})

describe('faults: Gafaelfawr', () => {
  it('fails a read that outlasts the timeout once, caches nothing, and serves the next reply', async () => {
    let slow = true
    server.use(
      http.get(`${GAFAELFAWR_URL}/user-info`, async () => {
        if (slow) await sleep(500)
        return HttpResponse.json({ username: 'someuser' })
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, timeout: 100 })

    const result = await settle(client.getUserInfo(TOKEN_A))

    expect(!result.ok && result.error).toBeInstanceOf(GafaelfawrWebError)
    expect(!result.ok && (result.error as GafaelfawrWebError).status).toBeUndefined()
    expect(!result.ok && (result.error as Error).message).toMatch(/timed out after 100 ms/)
    expect(requests).toHaveLength(1)
    expect(
      client.userInfoCache.getQueryData(client.userInfoQuery(TOKEN_A).queryKey),
    ).toBeUndefined()
    slow = false
    expect((await client.getUserInfo(TOKEN_A)).username).toBe('someuser')
    expect(requests).toHaveLength(2)
  })

  /** Answers one 429 with `retryAfter`, then the user; returns the wait between the two requests. */
  async function waitAfter429(retryAfter: string): Promise<number> {
    const arrivals: number[] = []
    server.use(
      http.get(`${GAFAELFAWR_URL}/user-info`, () => {
        arrivals.push(performance.now())
        return arrivals.length === 1
          ? HttpResponse.json(
              { detail: 'slow down' },
              { status: 429, headers: { 'retry-after': retryAfter } },
            )
          : HttpResponse.json({ username: 'someuser' })
      }),
    )
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })

    expect((await client.getUserInfo(TOKEN_A)).username).toBe('someuser')
    expect(requests).toHaveLength(2)
    return (arrivals[1] as number) - (arrivals[0] as number)
  }

  it('waits as long as Retry-After asks before retrying a 429', async () => {
    // A lower bound only: the retry did not come before the server said.
    expect(await waitAfter429('1')).toBeGreaterThanOrEqual(950)
  })

  it('caps a long Retry-After at 5 s', async () => {
    // An uncapped wait (an hour) would outlast this test's 10 s limit.
    expect(await waitAfter429('3600')).toBeGreaterThanOrEqual(4900)
  }, 10_000)
})

const TIMEOUT = 300

/** One attempt's fault, or a good or refused reply. */
const attempt: fc.Arbitrary<GeneratedReply> = fc.oneof(
  fc.constant({ ...user('someuser'), reset: true }),
  fc.constant({ ...user('someuser'), delay: TIMEOUT * 3 }),
  fc.constant({ ...user('someuser'), status: 429, retryAfter: '0' }),
  fc.constant({ ...user('someuser'), status: 503, retryAfter: '0' }),
  fc.constantFrom(500, 502, 504).map((status) => ({ ...user('someuser'), status })),
  fc.constantFrom(400, 401, 403, 404, 409, 422).map((status) => ({ ...user('someuser'), status })),
  fc.constant(user('someuser')),
)

describe('faults: retries', () => {
  it('retries resets, 429 and 5xx at most twice, and nothing else', async () => {
    let run = 0
    const started = performance.now()
    let reads = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(attempt, { minLength: 1, maxLength: 3 }), {
          minLength: runs('retryBatch'),
          maxLength: runs('retryBatch'),
        }),
        async (scripts) => {
          run += 1
          const tokens = numberedTokens(scripts.length, `Retry${run}x`)
          const served = new Map<string, number>()
          server.use(
            http.get(`${GAFAELFAWR_URL}/user-info`, async ({ request }) => {
              const token = bearer(request) ?? ''
              const n = served.get(token) ?? 0
              served.set(token, n + 1)
              const script = scripts[tokens.indexOf(token)] as GeneratedReply[]
              const next = script[Math.min(n, script.length - 1)] as GeneratedReply
              if (next.delay > 0) await sleep(next.delay)
              return toResponse(next)
            }),
          )
          const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, timeout: TIMEOUT })

          const results = await Promise.all(
            tokens.map((token) => settle(client.getUserInfo(token))),
          )

          scripts.forEach((script, i) => {
            const expected = expectedOutcome(script, TIMEOUT)
            const result = results[i] as Awaited<ReturnType<typeof settle>>
            const count = served.get(tokens[i] as string)
            expect(count, `requests for ${JSON.stringify(script)}`).toBe(expected.requests)
            expect(count).toBeLessThanOrEqual(3)
            const error = result.ok ? undefined : (result.error as GafaelfawrWebError)
            switch (expected.kind) {
              case 'user':
                expect(result.ok).toBe(true)
                break
              case 'no reply':
                expect(error).toBeInstanceOf(GafaelfawrWebError)
                expect(error?.status).toBeUndefined()
                break
              case 'http': {
                const classes: Record<number, unknown> = {
                  401: GafaelfawrUnauthorizedError,
                  403: GafaelfawrForbiddenError,
                  404: GafaelfawrNotFoundError,
                }
                expect(error?.constructor).toBe(classes[expected.status] ?? GafaelfawrWebError)
                expect(error?.status).toBe(expected.status)
                break
              }
              default:
                throw new Error(`unexpected outcome ${expected.kind}`)
            }
          })
          reads += scripts.length
        },
      ),
      { numRuns: runs('retryCases') },
    )
    console.info(`retries: ${reads} reads in ${Math.round(performance.now() - started)} ms`)
  }, 600_000)
})
