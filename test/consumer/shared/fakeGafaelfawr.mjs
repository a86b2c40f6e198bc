// A tiny stand-in for Repertoire and Gafaelfawr on 127.0.0.1, for the consumer smoke test
// (copied into each temporary consumer project by scripts/consumer-smoke.mjs). It serves the
// discovery document, `GET /user-info` (401 without the expected token when one is set) and
// 404 for every other path, and records the requests it saw.
import { createServer } from 'node:http'

/**
 * Starts the server on a free port of 127.0.0.1.
 *
 * @param {object} user - The user information to answer `GET /user-info` with.
 * @param {{ token?: string }} [options] - The bearer token `/user-info` requires, if any.
 * @returns {Promise<{ repertoireUrl: string, baseUrl: string, requests: string[],
 *   authorizations: (string | undefined)[], close: () => Promise<void> }>}
 */
export async function startFakeGafaelfawr(user, options = {}) {
  const requests = []
  const authorizations = []
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    authorizations.push(request.headers.authorization)
    const origin = `http://127.0.0.1:${server.address().port}`
    const send = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (request.method === 'GET' && request.url === '/repertoire/discovery') {
      send(200, {
        services: {
          internal: {
            gafaelfawr: {
              url: `${origin}/auth/api`,
              versions: { v1: { url: `${origin}/auth/api/v1` } },
            },
          },
        },
      })
    } else if (request.method === 'GET' && request.url === '/auth/api/v1/user-info') {
      if (
        options.token !== undefined &&
        request.headers.authorization !== `Bearer ${options.token}`
      ) {
        send(401, { detail: [{ msg: 'Authentication required', type: 'invalid_token' }] })
      } else {
        send(200, user)
      }
    } else {
      send(404, { detail: [{ msg: 'Not found', type: 'not_found' }] })
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${server.address().port}`
  return {
    repertoireUrl: `${origin}/repertoire`,
    baseUrl: `${origin}/auth/api/v1`,
    requests,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
