/**
 * Case counts of every reliability property, in one place. `npm test` runs the bounded
 * counts (the whole folder stays under about a minute); `npm run test:stress` sets
 * `GAFAELFAWR_STRESS` and runs the full ones. README.md lists the same numbers.
 */
export const STRESS = Boolean(process.env.GAFAELFAWR_STRESS)

/** Normal and stress counts of one property. */
interface Count {
  normal: number
  stress: number
}

const COUNTS = {
  /** fast-check cases of the bad-replies property; each case reads a batch of replies. */
  badReplyCases: { normal: 8, stress: 100 },
  /** Replies read concurrently in one bad-replies case (cases × batch = replies). */
  badReplyBatch: { normal: 25, stress: 101 },
  /** Cases of the token-secrecy property (one token and one reply each). */
  tokenSecrecy: { normal: 60, stress: 1000 },
  /** Cases of the token-secrecy property over whole error replies echoing the token. */
  tokenEcho: { normal: 60, stress: 1000 },
  /** Hostile usernames tried against getUserInfoByName and userInfoByNameQuery. */
  pathSafety: { normal: 300, stress: 5000 },
  /** Random interleavings of by-name and own reads by several tokens. */
  isolation: { normal: 40, stress: 500 },
  /** Discovery failures while a copy is cached. */
  discoveryFaults: { normal: 8, stress: 60 },
  /** Cases of the retry-bound property; each case reads a batch of attempt scripts. */
  retryCases: { normal: 4, stress: 40 },
  /** Attempt scripts read concurrently in one retry-bound case. */
  retryBatch: { normal: 12, stress: 25 },
  /** Random interleavings of reads and clearCache() (Node callers). */
  clearRaces: { normal: 40, stress: 500 },
  /** Random interleavings of hooks, clearCache() and unmounts (React). */
  hookRaces: { normal: 15, stress: 150 },
  /** Rounds of 10,000 concurrent reads over 100 tokens. */
  load: { normal: 1, stress: 5 },
} satisfies Record<string, Count>

/** The count of `name` for this run: the stress count when `GAFAELFAWR_STRESS` is set. */
export function runs(name: keyof typeof COUNTS): number {
  return STRESS ? COUNTS[name].stress : COUNTS[name].normal
}

/** Every count, for the README and for reports. */
export const ALL_COUNTS: Readonly<Record<keyof typeof COUNTS, Count>> = COUNTS
