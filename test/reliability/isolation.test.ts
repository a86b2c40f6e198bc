import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient, GafaelfawrForbiddenError } from '../../src/client'
import { runs } from './runs'
import { anyToken, bearer, GAFAELFAWR_URL, server, settle } from './support'

const NAMES = ['alice', 'bob', 'carol', 'dave'] as const
const SENDABLE = /^[\x21-\x7e]+$/

interface Principal {
  token: string
  owner: string
  admin: boolean
}

type Op =
  | { kind: 'byName'; who: number; target: string }
  | { kind: 'self'; who: number }
  | { kind: 'clear' }

function marker(who: number): string {
  return `asked-by-${who}`
}

const principals = fc
  .uniqueArray(
    anyToken.filter((token) => SENDABLE.test(token)),
    { minLength: 2, maxLength: 6 },
  )
  .chain((tokens) =>
    fc.tuple(
      ...tokens.map((token) =>
        fc.record({
          token: fc.constant(token),
          owner: fc.constantFrom(...NAMES),
          admin: fc.boolean(),
        }),
      ),
    ),
  )

function ops(count: number): fc.Arbitrary<Op[]> {
  const who = fc.nat({ max: count - 1 })
  return fc.array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('byName' as const),
          who,
          target: fc.constantFrom(...NAMES),
        }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('self' as const), who }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
    ),
    { minLength: 1, maxLength: 25 },
  )
}

describe('isolation', () => {
  it('serves each token only what its own request returned, in any interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        principals.chain((people) =>
          fc.tuple(
            fc.constant(people),
            ops(people.length),
            fc.scheduler(),
            fc.integer({ min: 1, max: 4 }),
          ),
        ),
        async ([people, plan, s, cacheSize]) => {
          const byToken = new Map<string, [number, Principal]>(
            people.map((person, i) => [person.token, [i, person]]),
          )
          const answer = async (request: Request, target: string | undefined) => {
            const [i, person] = byToken.get(bearer(request) ?? '') ?? [-1, undefined]
            await s.schedule(Promise.resolve(), `reply to ${i} about ${target ?? 'self'}`)
            if (!person) return HttpResponse.json({ detail: 'no token' }, { status: 401 })
            if (target !== undefined && !person.admin && person.owner !== target) {
              return HttpResponse.json(
                {
                  detail: [
                    { msg: `Cannot get information for user ${target}`, type: 'permission_denied' },
                  ],
                },
                { status: 403 },
              )
            }
            return HttpResponse.json({ username: target ?? person.owner, name: marker(i) })
          }
          server.use(
            http.get(`${GAFAELFAWR_URL}/user-info`, ({ request }) => answer(request, undefined)),
            http.get(`${GAFAELFAWR_URL}/users/:username`, ({ request, params }) =>
              answer(request, String(params.username)),
            ),
          )
          const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, cacheSize })

          const run = (op: Op): Promise<unknown> => {
            if (op.kind === 'clear') return client.clearCache()
            const person = people[op.who] as Principal
            return op.kind === 'self'
              ? client.getUserInfo(person.token)
              : client.getUserInfoByName(op.target, person.token)
          }
          const done = plan.map((op, i) =>
            settle(
              s
                .schedule(Promise.resolve(), `start ${i}: ${JSON.stringify(op)}`)
                .then(() => run(op)),
            ),
          )
          const results = await s.waitFor(Promise.all(done))

          plan.forEach((op, i) => {
            const result = results[i] as Awaited<(typeof done)[number]>
            if (op.kind === 'clear') return
            const person = people[op.who] as Principal
            const target = op.kind === 'self' ? person.owner : op.target
            const allowed = op.kind === 'self' || person.admin || person.owner === target
            if (allowed) {
              expect(result.ok, `${JSON.stringify(op)} should succeed`).toBe(true)
              if (result.ok) {
                expect(result.value).toMatchObject({ username: target, name: marker(op.who) })
              }
            } else {
              expect(result.ok, `${JSON.stringify(op)} should be refused`).toBe(false)
              if (!result.ok) expect(result.error).toBeInstanceOf(GafaelfawrForbiddenError)
            }
          })
        },
      ),
      { numRuns: runs('isolation') },
    )
  }, 300_000)
})
