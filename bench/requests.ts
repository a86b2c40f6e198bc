import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { installDom } from './support/dom'
import { type Row, row } from './support/row'

const REPERTOIRE_URL = 'https://data.example.com/repertoire'
const GAFAELFAWR_URL = 'https://data.example.com/auth/api/v1'
const CONSUMERS = 500
const USERNAMES = 50

const discovery = {
  services: {
    internal: {
      gafaelfawr: {
        url: 'https://data.example.com/auth/api',
        versions: { v1: { url: GAFAELFAWR_URL } },
      },
    },
  },
}

/** A username with a letter after its first character, as Gafaelfawr's rule requires. */
function usernameOf(i: number): string {
  return `user-${(i % USERNAMES).toString(36)}`
}

/**
 * Request economy: 500 mounted consumers of `useUserInfo`, and 500 of `useUserInfoByName`
 * over 50 names, each set under one `GafaelfawrProvider`, counted by an MSW server; next to
 * 500 naive components that each call `fetch` in an effect, mounted against the same server.
 *
 * @returns Two rows: requests sent by the library and by the naive components.
 */
export async function requestsBench(): Promise<Row[]> {
  installDom()
  const { createElement: h, Fragment } = await import('react')
  const { GafaelfawrProvider } = await import('../src/index')
  const { ByName, Me, NaiveFetch } = await import('./support/consumers')
  const { mountUntilReady } = await import('./support/mount')

  let requests = 0
  const server = setupServer(
    http.get(`${REPERTOIRE_URL}/discovery`, () => {
      requests++
      return HttpResponse.json(discovery)
    }),
    http.get(`${GAFAELFAWR_URL}/user-info`, () => {
      requests++
      return HttpResponse.json({ username: 'someuser', name: 'Some User' })
    }),
    http.get(`${GAFAELFAWR_URL}/users/:username`, ({ params }) => {
      requests++
      return HttpResponse.json({ username: String(params.username) })
    }),
  )
  server.listen({ onUnhandledRequest: 'error' })

  const many = (make: (i: number) => ReturnType<typeof h>) =>
    h(Fragment, null, ...Array.from({ length: CONSUMERS }, (_, i) => make(i)))
  const provided = (children: ReturnType<typeof h>) =>
    h(GafaelfawrProvider, { repertoireUrl: REPERTOIRE_URL }, children)
  /** Requests sent while `tree` mounts and its consumers show their data. */
  async function count(tree: ReturnType<typeof h>, what: string): Promise<number> {
    requests = 0
    await mountUntilReady(tree, CONSUMERS, what)
    return requests
  }

  try {
    const me = await count(provided(many((i) => h(Me, { key: i }))), 'useUserInfo consumers')
    const naiveMe = await count(
      many((i) => h(NaiveFetch, { key: i, url: `${GAFAELFAWR_URL}/user-info` })),
      'naive user-info components',
    )
    const byName = await count(
      provided(many((i) => h(ByName, { key: i, username: usernameOf(i) }))),
      'useUserInfoByName consumers',
    )
    const naiveByName = await count(
      many((i) => h(NaiveFetch, { key: i, url: `${GAFAELFAWR_URL}/users/${usernameOf(i)}` })),
      'naive by-name components',
    )
    return [
      row({
        benchmark: `requests: ${CONSUMERS} useUserInfo consumers, one provider`,
        figure: `${me} requests`,
        baseline: `${naiveMe} requests, naive fetch per component`,
        figureValue: me,
        baselineValue: naiveMe,
        target: '2 (discovery + user-info)',
        ok: me <= 2,
      }),
      row({
        benchmark: `requests: ${CONSUMERS} useUserInfoByName consumers, ${USERNAMES} names`,
        figure: `${byName} requests`,
        baseline: `${naiveByName} requests, naive fetch per component`,
        figureValue: byName,
        baselineValue: naiveByName,
        target: `${USERNAMES + 1} (discovery + one per name)`,
        ok: byName <= USERNAMES + 1,
      }),
    ]
  } finally {
    server.close()
  }
}
