import type { QueryClient } from '@tanstack/query-core'
import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient, GafaelfawrError } from '../../src/client'
import { runs } from './runs'
import { bearer, GAFAELFAWR_URL, numberedTokens, server, settle } from './support'

const TOKENS = numberedTokens(3, 'Race')
/** How often one read may be cancelled by clearCache() before it gives up (the client's rule). */
const MAX_RESTARTS = 5

type Op =
  | { kind: 'self'; who: number }
  | { kind: 'byName'; who: number; target: string }
  | { kind: 'clear' }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('self' as const), who: fc.nat({ max: 2 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('byName' as const),
      who: fc.nat({ max: 2 }),
      target: fc.constantFrom('alice', 'bob'),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'clear' as const }) },
)

/** The version stamped on a reply: the server's data version when the request arrived. */
function versionOf(data: unknown): number {
  return Number((data as { name: string }).name.slice(1))
}

function cachedVersions(cache: QueryClient): number[] {
  return cache
    .getQueryCache()
    .findAll()
    .filter((query) => query.state.data !== undefined)
    .map((query) => versionOf(query.state.data))
}

describe('races: clearCache() and Node callers', () => {
  it('never serves or keeps data fetched before a clearCache() that has resolved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.scheduler(),
        async (plan, s) => {
          let version = 0
          let cleared = 0 // version of the last clearCache() that resolved
          let clearsStarted = 0
          const answer = async (request: Request, target: string | undefined) => {
            const stamp = version
            await s.schedule(
              Promise.resolve(),
              `reply v${stamp} to ${bearer(request)?.slice(3, 10)}`,
            )
            return HttpResponse.json({ username: target ?? 'someuser', name: `v${stamp}` })
          }
          server.use(
            http.get(`${GAFAELFAWR_URL}/user-info`, ({ request }) => answer(request, undefined)),
            http.get(`${GAFAELFAWR_URL}/users/:username`, ({ request, params }) =>
              answer(request, String(params.username)),
            ),
          )
          const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
          const expectNothingOlderThan = (floor: number) => {
            for (const cache of [client.userInfoCache, client.usernameCache]) {
              for (const stamp of cachedVersions(cache)) expect(stamp).toBeGreaterThanOrEqual(floor)
            }
          }

          const run = async (step: Op) => {
            if (step.kind === 'clear') {
              // The data changes, then the cache is cleared: what it held is now old.
              version += 1
              clearsStarted += 1
              const floor = version
              await client.clearCache()
              cleared = Math.max(cleared, floor)
              expectNothingOlderThan(floor)
              return
            }
            const floor = cleared
            const clearsBefore = clearsStarted
            const token = TOKENS[step.who] as string
            const result = await settle(
              step.kind === 'self'
                ? client.getUserInfo(token)
                : client.getUserInfoByName(step.target, token),
            )
            if (result.ok) {
              expect(versionOf(result.value)).toBeGreaterThanOrEqual(floor)
            } else {
              // Only a read cancelled by more clears than the client restarts for may fail.
              expect(result.error).toBeInstanceOf(GafaelfawrError)
              expect(clearsStarted - clearsBefore).toBeGreaterThan(MAX_RESTARTS)
            }
          }
          const done = plan.map((step, i) =>
            s
              .schedule(Promise.resolve(), `start ${i}: ${JSON.stringify(step)}`)
              .then(() => run(step)),
          )
          await s.waitFor(Promise.all(done))
          expectNothingOlderThan(cleared)
        },
      ),
      { numRuns: runs('clearRaces') },
    )
  }, 300_000)
})
