import { beforeEach } from 'vitest'
import { server } from './server'

/** One request as MSW saw it, handled or not. */
export interface SeenRequest {
  method: string
  url: string
  authorization: string | null
}

/**
 * Every request that reached the MSW server in the current test (including unhandled ones and
 * retries), in the order they started.
 */
export const requests: SeenRequest[] = []

server.events.on('request:start', ({ request }) => {
  requests.push({
    method: request.method,
    url: request.url,
    authorization: request.headers.get('authorization'),
  })
})

beforeEach(() => {
  requests.length = 0
})
