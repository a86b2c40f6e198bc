import { describe } from 'vitest'
import { MockGafaelfawr } from '../../src/testing/index'
import { GAFAELFAWR_URL, REPERTOIRE_URL, server } from '../support/server'
import { defineClientScenarios } from './clientScenarios'

describe('GafaelfawrClient against MockGafaelfawr through MSW', () => {
  defineClientScenarios(() => {
    const mock = new MockGafaelfawr()
    server.use(...mock.handlers)
    return { mock, repertoireUrl: REPERTOIRE_URL, baseUrl: GAFAELFAWR_URL }
  })
})
