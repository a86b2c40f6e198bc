import { PassThrough } from 'node:stream'
import { Suspense } from 'react'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrProvider,
  useSuspenseUserInfo,
  useUserInfo,
  useUserInfoByName,
} from '../../src/index'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import {
  GAFAELFAWR_URL,
  REPERTOIRE_URL,
  recordRequests,
  serveUserInfo,
  someuser,
} from './support/http'

function Who() {
  const me = useUserInfo()
  const named = useUserInfoByName('')
  return (
    <p>
      {me.data ? `user ${me.data.username}` : me.status} / {named.fetchStatus}
    </p>
  )
}

function SuspenseWho() {
  const { data } = useSuspenseUserInfo()
  return <p>user {data.username}</p>
}

/** Renders on the server and waits for every Suspense boundary, as a streaming server does. */
function renderComplete(element: React.ReactElement): Promise<string> {
  return new Promise((resolve, reject) => {
    let html = ''
    const sink = new PassThrough()
    sink.on('data', (chunk) => {
      html += chunk
    })
    sink.on('end', () => resolve(html))
    const stream = renderToPipeableStream(element, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    })
  })
}

describe('server rendering', () => {
  it('runs where there is no window', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  it('renders the provider and hooks as pending, sending nothing', async () => {
    const seen = recordRequests()
    const html = renderToString(
      <GafaelfawrProvider repertoireUrl={REPERTOIRE_URL}>
        <Who />
      </GafaelfawrProvider>,
    )
    expect(html).toBe('<p>pending<!-- --> / <!-- -->idle</p>')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen).toEqual([])
  })

  it('renders the user a server client fetched before rendering', async () => {
    serveUserInfo()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: 'gt-server.token' })
    await client.getUserInfo()
    const html = renderToString(
      <GafaelfawrProvider client={client}>
        <Who />
      </GafaelfawrProvider>,
    )
    expect(html).toContain('user someuser')
  })

  it('gives each request its own cache: two providers never share data', async () => {
    serveUserInfo((request) =>
      request.headers.get('authorization') === 'Bearer gt-first.request' ? someuser : otheruser,
    )
    const first = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: 'gt-first.request' })
    const second = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: 'gt-second.request' })
    await first.getUserInfo()
    await second.getUserInfo()
    const page = (client: GafaelfawrClient) =>
      renderToString(
        <GafaelfawrProvider client={client}>
          <Who />
        </GafaelfawrProvider>,
      )
    expect(page(first)).toContain('user someuser')
    expect(page(second)).toContain('user otheruser')
    // A provider built from options starts empty, whatever was rendered before it.
    expect(
      renderToString(
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL} token="gt-first.request">
          <Who />
        </GafaelfawrProvider>,
      ),
    ).toContain('pending')
  })

  it('fetches for a suspense hook on the server and streams the user', async () => {
    serveUserInfo()
    const seen = recordRequests()
    const html = await renderComplete(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL} token="gt-server.token">
        <Suspense fallback={<p>loading</p>}>
          <SuspenseWho />
        </Suspense>
      </GafaelfawrProvider>,
    )
    expect(html).toContain('user <!-- -->someuser')
    expect(seen.map((r) => r.authorization)).toEqual(['Bearer gt-server.token'])
  })
})
