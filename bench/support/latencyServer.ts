import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

/** A local Gafaelfawr stand-in that answers every by-name lookup after a fixed delay. */
export interface LatencyServer {
  /** The v1 API URL to give the client as `baseUrl`. */
  baseUrl: string
  /** Requests answered so far. */
  requests(): Promise<number>
  /** Stops the server. */
  close(): Promise<void>
}

// The server runs on its own thread (its own event loop) so that its work is not billed to
// the client under test, as with a real server on another machine. Plain JavaScript, because
// a worker started from source text is not compiled by tsx.
const SERVER_SOURCE = `
const { createServer } = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
let requests = 0
const server = createServer((request, response) => {
  requests++
  const match = /^\\/auth\\/api\\/v1\\/users\\/([^/?]+)$/.exec(request.url || '')
  setTimeout(() => {
    if (!match) {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end('{"detail":[{"msg":"Not found","type":"not_found"}]}')
      return
    }
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ username: decodeURIComponent(match[1]) }))
  }, workerData.latencyMs)
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }))
parentPort.on('message', (message) => {
  if (message === 'count') parentPort.postMessage({ requests })
  if (message === 'close') {
    server.closeAllConnections()
    server.close(() => parentPort.postMessage({ closed: true }))
  }
})
`

/**
 * Starts a real HTTP server on 127.0.0.1 (a free port), on a worker thread, that answers
 * `GET /auth/api/v1/users/{name}` with `{"username": name}` after `latencyMs`.
 *
 * @param latencyMs - The delay before each reply.
 * @returns The server's URL, its request count and a way to stop it.
 */
export async function startLatencyServer(latencyMs: number): Promise<LatencyServer> {
  const worker = new Worker(SERVER_SOURCE, { eval: true, workerData: { latencyMs } })
  const [{ port }] = (await once(worker, 'message')) as [{ port: number }]
  return {
    baseUrl: `http://127.0.0.1:${port}/auth/api/v1`,
    async requests() {
      worker.postMessage('count')
      const [{ requests }] = (await once(worker, 'message')) as [{ requests: number }]
      return requests
    },
    async close() {
      worker.postMessage('close')
      await once(worker, 'message')
      await worker.terminate()
    },
  }
}
