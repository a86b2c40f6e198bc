import { HttpResponse, http, type JsonBodyType } from 'msw'
import { onTestFinished } from 'vitest'
import someuser from '../../fixtures/gafaelfawr/someuser.json'
import discovery from '../../fixtures/repertoire/gafaelfawr-only.json'
import { GAFAELFAWR_URL, REPERTOIRE_URL, server } from '../../support/server'

export { GAFAELFAWR_URL, REPERTOIRE_URL, server, someuser }

/** One request seen by MSW: method and path, and the credential it carried. */
export interface SeenRequest {
  method: string
  path: string
  authorization: string | null
  request: Request
}

/** Every request sent during the current test, handled or not, in order. */
export function recordRequests(): SeenRequest[] {
  const seen: SeenRequest[] = []
  const listener = ({ request }: { request: Request }) => {
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
      request,
    })
  }
  server.events.on('request:start', listener)
  onTestFinished(() => {
    server.events.removeListener('request:start', listener)
  })
  return seen
}

/** Repertoire answers with the smallest document that locates Gafaelfawr at GAFAELFAWR_URL. */
export function serveDiscovery(body: JsonBodyType = discovery) {
  server.use(http.get(`${REPERTOIRE_URL}/discovery`, () => HttpResponse.json(body)))
}

/** Gafaelfawr answers `/user-info` with what `reply` returns (someuser by default). */
export function serveUserInfo(
  reply: (request: Request) => unknown | Promise<unknown> = () => someuser,
) {
  server.use(
    http.get(`${GAFAELFAWR_URL}/user-info`, async ({ request }) => {
      const body = await reply(request)
      return body instanceof Response ? body : HttpResponse.json(body as JsonBodyType)
    }),
  )
}

/** A promise and the functions that settle it, for replies that wait for the test. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
