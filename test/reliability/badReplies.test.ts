import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrForbiddenError,
  GafaelfawrNotFoundError,
  GafaelfawrUnauthorizedError,
  GafaelfawrValidationError,
  GafaelfawrWebError,
} from '../../src/client'
import { expectedOutcome, type GeneratedReply, type Outcome, reply, toResponse } from './replies'
import { runs } from './runs'
import { bearer, GAFAELFAWR_URL, server, settle, sleep, unhandledRejections } from './support'

const TIMEOUT = 2_000

/** One read of a case: its token, which method, what the server answers in turn. */
interface Slot {
  index: number
  token: string
  byName: boolean
  script: GeneratedReply[]
  served: number
}

const slotArbitrary = fc.record({
  byName: fc.boolean(),
  // Attempt n gets script[n]; the last reply repeats for further attempts.
  script: fc.array(reply, { minLength: 1, maxLength: 3 }),
})

function tokenOf(run: number, index: number): string {
  const key = `Bad${run}x${index}`.padEnd(22, 'K')
  return `gt-${key}.${'S'.repeat(22)}`
}

const GOOD: GeneratedReply = {
  status: 200,
  body: { kind: 'good', text: '', username: undefined },
  contentType: 'application/json',
  retryAfter: undefined,
  reset: false,
  delay: 0,
}

function good(index: number): GeneratedReply {
  const username = `good-${index}`
  return { ...GOOD, body: { kind: 'good', text: JSON.stringify({ username }), username } }
}

function urlOf(slot: Slot): string {
  return slot.byName ? `${GAFAELFAWR_URL}/users/user-${slot.index}` : `${GAFAELFAWR_URL}/user-info`
}

function read(client: GafaelfawrClient, slot: Slot) {
  return slot.byName
    ? client.getUserInfoByName(`user-${slot.index}`, slot.token)
    : client.getUserInfo(slot.token)
}

function cachedUser(client: GafaelfawrClient, slot: Slot): unknown {
  return slot.byName
    ? client.usernameCache.getQueryData(
        client.userInfoByNameQuery(`user-${slot.index}`, slot.token).queryKey,
      )
    : client.userInfoCache.getQueryData(client.userInfoQuery(slot.token).queryKey)
}

/** Checks a failed read against the outcome the policy gives. */
function expectFailure(error: unknown, expected: Outcome, url: string): void {
  switch (expected.kind) {
    case 'invalid':
      expect(error).toBeInstanceOf(GafaelfawrValidationError)
      expect((error as GafaelfawrValidationError).url).toBe(url)
      expect((error as GafaelfawrValidationError).method).toBe('GET')
      return
    case 'http': {
      const classes: Record<number, unknown> = {
        401: GafaelfawrUnauthorizedError,
        403: GafaelfawrForbiddenError,
        404: GafaelfawrNotFoundError,
      }
      expect(error).toBeInstanceOf(GafaelfawrWebError)
      expect((error as object).constructor).toBe(classes[expected.status] ?? GafaelfawrWebError)
      expect((error as GafaelfawrWebError).status).toBe(expected.status)
      expect((error as GafaelfawrWebError).url).toBe(url)
      expect((error as GafaelfawrWebError).method).toBe('GET')
      return
    }
    default:
      throw new Error(`a ${expected.kind} outcome cannot be a failure`)
  }
}

describe('bad replies', () => {
  it('turns every generated reply into the user or a documented error, caches no error, and serves the next good reply', async () => {
    let run = 0
    const totals = { replies: 0, reads: 0, requests: 0, failures: 0 }
    const started = performance.now()
    await fc.assert(
      fc.asyncProperty(
        fc.array(slotArbitrary, {
          minLength: runs('badReplyBatch'),
          maxLength: runs('badReplyBatch'),
        }),
        async (generated) => {
          run += 1
          const slots = new Map<string, Slot>()
          generated.forEach((slot, index) => {
            const token = tokenOf(run, index)
            slots.set(token, { ...slot, index, token, served: 0 })
          })
          const answer = ({ request }: { request: Request }) => {
            const slot = slots.get(bearer(request) ?? '')
            if (!slot) return HttpResponse.json({ detail: 'unknown token' }, { status: 599 })
            const next = slot.script[Math.min(slot.served, slot.script.length - 1)]
            slot.served += 1
            return toResponse(next as GeneratedReply)
          }
          server.use(
            http.get(`${GAFAELFAWR_URL}/user-info`, answer),
            http.get(`${GAFAELFAWR_URL}/users/:username`, answer),
          )
          const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, timeout: TIMEOUT })
          const all = [...slots.values()]

          const results = await Promise.all(all.map((slot) => settle(read(client, slot))))

          const failed: Slot[] = []
          all.forEach((slot, i) => {
            const result = results[i] as Awaited<ReturnType<typeof settle>>
            const expected = expectedOutcome(slot.script, TIMEOUT)
            totals.replies += slot.served
            expect(slot.served, `requests of read ${slot.index}`).toBe(expected.requests)
            expect(slot.served).toBeLessThanOrEqual(3)
            if (expected.kind === 'user') {
              expect(result.ok).toBe(true)
              expect(result.ok && (result.value as { username: string }).username).toBe(
                expected.username,
              )
              return
            }
            expect(result.ok, `read ${slot.index} should fail`).toBe(false)
            if (!result.ok) expectFailure(result.error, expected, urlOf(slot))
            // Errors are never cached.
            expect(cachedUser(client, slot)).toBeUndefined()
            failed.push(slot)
          })

          // The next good reply is served, with one request.
          for (const slot of failed) {
            slot.script = [good(slot.index)]
            slot.served = 0
          }
          const again = await Promise.all(failed.map((slot) => read(client, slot)))
          failed.forEach((slot, i) => {
            expect(again[i]?.username).toBe(`good-${slot.index}`)
            expect(slot.served).toBe(1)
          })
          totals.reads += all.length
          totals.failures += failed.length
          totals.requests += all.reduce((sum, slot) => sum + slot.served, 0)
        },
      ),
      { numRuns: runs('badReplyCases') },
    )
    await sleep(0)
    expect(unhandledRejections).toEqual([])
    console.info(
      `bad replies: ${totals.reads} reads, ${totals.replies} generated replies served, ` +
        `${totals.failures} failures, ${Math.round(performance.now() - started)} ms`,
    )
  }, 600_000)
})
