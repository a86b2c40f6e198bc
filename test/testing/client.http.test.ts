import { afterEach, describe } from 'vitest'
import { type MockGafaelfawrServer, startMockGafaelfawrServer } from '../../src/testing/node'
import { defineClientScenarios } from './clientScenarios'

// No MSW in this file: the client's requests reach the real server on 127.0.0.1.
describe('GafaelfawrClient against startMockGafaelfawrServer over HTTP', () => {
  let running: MockGafaelfawrServer | undefined

  afterEach(async () => {
    await running?.close()
    running = undefined
  })

  defineClientScenarios(async () => {
    running = await startMockGafaelfawrServer()
    return { mock: running.mock, repertoireUrl: running.repertoireUrl, baseUrl: running.baseUrl }
  })
})
