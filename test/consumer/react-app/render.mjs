// Renders the installed package with react-dom/server in plain Node, as a server-rendering
// consumer would: once from a hydrated cache (renderToString, no request), once with Suspense
// reading from a local server (renderToPipeableStream, discovery then /user-info). Prints the
// HTML; scripts/consumer-smoke.mjs asserts it names the user.
import { readFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import {
  GafaelfawrClient,
  GafaelfawrProvider,
  useSuspenseUserInfo,
  useUserInfo,
} from 'gafaelfawr-react'
import { createElement as h, Suspense, version } from 'react'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { startFakeGafaelfawr } from './fakeGafaelfawr.mjs'

const user = JSON.parse(await readFile(new URL('./user.json', import.meta.url), 'utf8'))
console.log(`react: ${version}`)

function CachedName() {
  const { data, status } = useUserInfo()
  return h('p', null, `cached: ${data?.username ?? status}`)
}

// Nothing listens on port 9: a request would fail the render instead of passing it.
const client = new GafaelfawrClient({ baseUrl: 'http://127.0.0.1:9/auth/api/v1' })
client.userInfoCache.setQueryData(client.userInfoQuery().queryKey, user)
console.log(renderToString(h(GafaelfawrProvider, { client }, h(CachedName))))

function FetchedName() {
  const { data } = useSuspenseUserInfo()
  return h('p', null, `fetched: ${data.username}`)
}

function renderStream(element) {
  return new Promise((resolve, reject) => {
    let html = ''
    const sink = new Writable({
      write(chunk, _encoding, done) {
        html += chunk
        done()
      },
      final(done) {
        clearTimeout(timer)
        resolve(html)
        done()
      },
    })
    const stream = renderToPipeableStream(element, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    })
    const timer = setTimeout(() => {
      stream.abort()
      reject(new Error('the streamed render did not finish within 10 s'))
    }, 10_000)
  })
}

const server = await startFakeGafaelfawr(user)
try {
  const html = await renderStream(
    h(
      GafaelfawrProvider,
      { repertoireUrl: server.repertoireUrl },
      h(Suspense, { fallback: h('p', null, 'loading') }, h(FetchedName)),
    ),
  )
  console.log(html)
  console.log(`requests: ${server.requests.join(', ')}`)
} finally {
  await server.close()
}
