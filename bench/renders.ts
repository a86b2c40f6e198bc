import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { installDom } from './support/dom'
import { type Row, row } from './support/row'

const GAFAELFAWR_URL = 'https://data.example.com/auth/api/v1'

/**
 * Renders: how often one `useUserInfo` consumer renders until it shows the user, from a warm
 * cache (target 1) and from a cold one (target 2: loading, then data); next to a naive
 * component that fetches in an effect (2 either way: it has no cache). No StrictMode, which
 * would double every render in development.
 *
 * @returns Two rows: cached and cold render counts.
 */
export async function rendersBench(): Promise<Row[]> {
  installDom()
  const { createElement: h } = await import('react')
  const { GafaelfawrClient, GafaelfawrProvider } = await import('../src/index')
  const { Me, NaiveFetch, renderCount, resetRenderCount } = await import('./support/consumers')
  const { mountUntilReady } = await import('./support/mount')

  const server = setupServer(
    http.get(`${GAFAELFAWR_URL}/user-info`, () =>
      HttpResponse.json({ username: 'someuser', name: 'Some User' }),
    ),
  )
  server.listen({ onUnhandledRequest: 'error' })

  /** Renders until `tree` shows the user (and a little after). */
  async function count(tree: ReturnType<typeof h>, what: string): Promise<number> {
    resetRenderCount()
    await mountUntilReady(tree, 1, what)
    return renderCount()
  }

  try {
    const warm = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await warm.getUserInfo()
    const cold = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const cached = await count(h(GafaelfawrProvider, { client: warm }, h(Me)), 'cached consumer')
    const fresh = await count(h(GafaelfawrProvider, { client: cold }, h(Me)), 'cold consumer')
    const naive = h(NaiveFetch, { url: `${GAFAELFAWR_URL}/user-info` })
    const naiveCached = await count(naive, 'naive component')
    const naiveCold = await count(naive, 'naive component')
    return [
      row({
        benchmark: 'renders: useUserInfo consumer, cache warm',
        figure: `${cached} render${cached === 1 ? '' : 's'}`,
        baseline: `${naiveCached} renders, naive fetch in an effect (no cache)`,
        figureValue: cached,
        baselineValue: naiveCached,
        target: '1',
        ok: cached <= 1,
      }),
      row({
        benchmark: 'renders: useUserInfo consumer, cache cold',
        figure: `${fresh} renders`,
        baseline: `${naiveCold} renders, naive fetch in an effect`,
        figureValue: fresh,
        baselineValue: naiveCold,
        target: '2 (loading, data)',
        ok: fresh <= 2,
      }),
    ]
  } finally {
    server.close()
  }
}
