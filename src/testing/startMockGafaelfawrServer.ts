import { realpath } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toFetchRequest, writeFetchResponse } from './internal/nodeHttp'
import { serveStatic } from './internal/serveStatic'
import { MockGafaelfawr } from './MockGafaelfawr'

/** Options of `startMockGafaelfawrServer()`. */
export interface MockGafaelfawrServerOptions {
  /** Port to listen on. Defaults to 0: a free port the system picks. */
  port?: number | undefined
  /** Address to listen on. Defaults to `127.0.0.1`. */
  host?: string | undefined
  /**
   * A folder served at every other path (`index.html` for `/`), so a built page and the API
   * share one origin and the page can use the session. Nothing outside it is ever served.
   */
  staticDir?: string | undefined
}

/** A running mock server. */
export interface MockGafaelfawrServer {
  /** Repertoire's base URL on this server, such as `http://127.0.0.1:PORT/repertoire`. */
  repertoireUrl: string
  /** Gafaelfawr's v1 URL on this server, such as `http://127.0.0.1:PORT/auth/api/v1`. */
  baseUrl: string
  /** The mock behind the server: seed users, tokens and the session through it. */
  mock: MockGafaelfawr
  /** Stops the server and drops open connections. */
  close: () => Promise<void>
}

const REPERTOIRE_PATH = '/repertoire'
const API_PATH = '/auth/api/v1'

function originOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
}

/**
 * Serves a `MockGafaelfawr` over real HTTP (Node only): discovery at
 * `{repertoireUrl}/discovery`, whose v1 URL is `baseUrl`, and the Gafaelfawr API below
 * `baseUrl`, both on the server's own origin, with the same answers as the MSW handlers.
 *
 * The mock's own URLs are the paths `/repertoire` and `/auth/api/v1`, so it answers on any
 * name the server is reached by (discovery then names that same origin).
 *
 * @param options - Port (ephemeral by default), host (`127.0.0.1`) and an optional static folder.
 * @returns The URLs, the mock, and `close()`.
 * @throws When the port cannot be listened on, or `staticDir` does not exist.
 *
 * @example
 * ```ts
 * const { repertoireUrl, mock, close } = await startMockGafaelfawrServer()
 * mock.setUserInfo('rachel', mockUsers.complete)
 * const client = new GafaelfawrClient({ repertoireUrl, token: mock.createToken('rachel') })
 * await client.getUserInfo()
 * await close()
 * ```
 */
export async function startMockGafaelfawrServer(
  options: MockGafaelfawrServerOptions = {},
): Promise<MockGafaelfawrServer> {
  const host = options.host ?? '127.0.0.1'
  const staticRoot = options.staticDir === undefined ? undefined : await realpath(options.staticDir)
  const mock = new MockGafaelfawr({ repertoireUrl: REPERTOIRE_PATH, baseUrl: API_PATH })
  let origin = ''

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET'
    let reply: Promise<Response>
    if (!req.url?.startsWith('/')) {
      reply = Promise.resolve(new Response('Bad Request', { status: 400 }))
    } else {
      const request = toFetchRequest(req, origin)
      const url = new URL(request.url)
      reply =
        mock.handles(url) || staticRoot === undefined
          ? mock.handle(request)
          : serveStatic(staticRoot, url, method)
    }
    reply
      .then((response) => writeFetchResponse(response, res, method))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('Internal Server Error')
      })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  origin = originOf(host, (server.address() as AddressInfo).port)

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeAllConnections()
    })
    return closing
  }

  return {
    repertoireUrl: `${origin}${REPERTOIRE_PATH}`,
    baseUrl: `${origin}${API_PATH}`,
    mock,
    close,
  }
}
