import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * One MSW server per test file: unhandled requests fail the test, handlers added with
 * `server.use()` last for one test.
 */
export const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

export const REPERTOIRE_URL = 'https://data.example.com/repertoire'
export const GAFAELFAWR_URL = 'https://data.example.com/auth/api/v1'
