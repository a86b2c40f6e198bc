import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient } from '../../src/client'
import { runs } from './runs'
import { bearer, GAFAELFAWR_URL, numberedTokens, server } from './support'

const TOKENS = numberedTokens(100)
const READS = 10_000

describe('load', () => {
  it('answers 10,000 concurrent reads over 100 tokens with exactly 100 requests', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        let requests = 0
        server.use(
          http.get(`${GAFAELFAWR_URL}/user-info`, ({ request }) => {
            requests += 1
            return HttpResponse.json({ username: `owner-${TOKENS.indexOf(bearer(request) ?? '')}` })
          }),
        )
        const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
        // Each token read 100 times, in an order drawn from the seed.
        const order = Array.from({ length: READS }, (_, i) => i % TOKENS.length)
        let state = seed >>> 0
        for (let i = order.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
          const j = state % (i + 1)
          ;[order[i], order[j]] = [order[j] as number, order[i] as number]
        }
        const started = performance.now()

        const users = await Promise.all(order.map((t) => client.getUserInfo(TOKENS[t])))

        const ms = Math.round(performance.now() - started)
        expect(requests).toBe(TOKENS.length)
        users.forEach((user, i) => {
          expect(user.username).toBe(`owner-${order[i]}`)
        })
        console.info(`load: ${READS} reads, ${requests} requests, ${ms} ms`)
      }),
      { numRuns: runs('load') },
    )
  }, 300_000)
})
