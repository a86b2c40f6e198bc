import { HttpResponse, http, type JsonBodyType } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  DiscoveryClient,
  RepertoireError,
  RepertoireUrlError,
  RepertoireValidationError,
  RepertoireWebError,
} from '../../src/client'
import gafaelfawrOnly from '../fixtures/repertoire/gafaelfawr-only.json'
import minimal from '../fixtures/repertoire/minimal.json'
import phalanx from '../fixtures/repertoire/phalanx.json'
import { REPERTOIRE_URL, server } from '../support/server'
import { captureLogger, caught, gate, requestsTo, sleep, withoutRepertoireEnv } from './helpers'

const DISCOVERY_URL = `${REPERTOIRE_URL}/discovery`

function serveDiscovery(body: JsonBodyType): { count: () => number } {
  let count = 0
  server.use(
    http.get(DISCOVERY_URL, () => {
      count++
      return HttpResponse.json(body)
    }),
  )
  return { count: () => count }
}

describe('DiscoveryClient documents', () => {
  it('accepts the empty document of an unconfigured environment', async () => {
    serveDiscovery(minimal)
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    const document = await discovery.getDiscovery()

    expect(document.applications).toEqual([])
    expect(document.services.internal).toEqual({})
    expect(document.services.ui).toEqual({})
    expect(await discovery.urlForInternal('gafaelfawr', { version: 'v1' })).toBeNull()
    expect(await discovery.urlForInternal('gafaelfawr')).toBeNull()
    expect(await discovery.urlForUi('nublado')).toBeNull()
  })

  it('finds Gafaelfawr in the Gafaelfawr-only document', async () => {
    serveDiscovery(gafaelfawrOnly)
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    expect(await discovery.urlForInternal('gafaelfawr')).toBe('https://data.example.com/auth/api')
    expect(await discovery.urlForInternal('gafaelfawr', { version: 'v1' })).toBe(
      'https://data.example.com/auth/api/v1',
    )
    expect(await discovery.urlForInternal('gafaelfawr', { version: 'v2' })).toBeNull()
  })

  it('reads services of every kind from the full Phalanx document', async () => {
    serveDiscovery(phalanx)
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    const document = await discovery.getDiscovery()

    expect(document.environment_name).toBe('data.example.com')
    expect(document.applications).toContain('gafaelfawr')
    expect(Object.keys(document.datasets)).toEqual(['dp02', 'dp03', 'dp1'])
    expect(await discovery.urlForInternal('gafaelfawr', { version: 'v1' })).toBe(
      'https://data.example.com/auth/api/v1',
    )
    expect(await discovery.urlForInternal('noteburst', { version: 'v1' })).toBe(
      'https://data.example.com/noteburst/v1',
    )
    expect(await discovery.urlForInternal('mobu')).toBe('https://data.example.com/mobu')
    expect(await discovery.urlForInternal('mobu', { version: 'v1' })).toBeNull()
    expect(await discovery.urlForUi('nublado')).toBe('https://nb.data.example.com/nb')
    expect(await discovery.urlForUi('portal')).toBe('https://data.example.com/portal/app/')
  })

  it('returns null for services it does not list', async () => {
    serveDiscovery(phalanx)
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    expect(await discovery.urlForInternal('no-such-service')).toBeNull()
    expect(await discovery.urlForInternal('no-such-service', { version: 'v1' })).toBeNull()
    expect(await discovery.urlForUi('no-such-ui')).toBeNull()
    // A service that is internal only is not a UI, and the other way round.
    expect(await discovery.urlForUi('gafaelfawr')).toBeNull()
    expect(await discovery.urlForInternal('argocd')).toBeNull()
  })

  it('accepts and ignores keys it does not know, at every level', async () => {
    serveDiscovery({
      ...gafaelfawrOnly,
      brand_new_key: { anything: [1, 2, 3] },
      services: {
        internal: {
          gafaelfawr: {
            ...gafaelfawrOnly.services.internal.gafaelfawr,
            deprecated: true,
            versions: { v1: { url: 'https://data.example.com/auth/api/v1', stable: true } },
          },
        },
        ui: { squareone: { url: 'https://data.example.com/', icon: 'x.svg' } },
        butler: { future: 'section' },
      },
    })
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    expect(await discovery.urlForInternal('gafaelfawr', { version: 'v1' })).toBe(
      'https://data.example.com/auth/api/v1',
    )
    expect(await discovery.urlForUi('squareone')).toBe('https://data.example.com/')
  })
})

describe('DiscoveryClient base URL', () => {
  withoutRepertoireEnv()

  it('refuses to be built without a Repertoire URL, naming both ways to give one', () => {
    let error: unknown
    try {
      new DiscoveryClient()
    } catch (thrown) {
      error = thrown
    }

    expect(error).toBeInstanceOf(RepertoireUrlError)
    expect(error).toBeInstanceOf(RepertoireError)
    expect((error as Error).message).toContain('baseUrl')
    expect((error as Error).message).toContain('REPERTOIRE_BASE_URL')
  })

  it('treats an empty REPERTOIRE_BASE_URL as unset', () => {
    process.env.REPERTOIRE_BASE_URL = ''

    expect(() => new DiscoveryClient()).toThrow(RepertoireUrlError)
  })

  it('uses REPERTOIRE_BASE_URL from the environment, without its trailing slash', async () => {
    process.env.REPERTOIRE_BASE_URL = 'https://env.example.com/repertoire/'
    server.use(
      http.get('https://env.example.com/repertoire/discovery', () =>
        HttpResponse.json(gafaelfawrOnly),
      ),
    )
    const discovery = new DiscoveryClient()

    expect(discovery.baseUrl).toBe('https://env.example.com/repertoire')
    expect(await discovery.urlForInternal('gafaelfawr', { version: 'v1' })).toBe(
      'https://data.example.com/auth/api/v1',
    )
    expect(requestsTo('https://env.example.com/').map((request) => request.url)).toEqual([
      'https://env.example.com/repertoire/discovery',
    ])
  })

  it('prefers the baseUrl option to the environment', async () => {
    process.env.REPERTOIRE_BASE_URL = 'https://env.example.com/repertoire'
    serveDiscovery(gafaelfawrOnly)
    const discovery = new DiscoveryClient({ baseUrl: `${REPERTOIRE_URL}/` })

    expect(discovery.baseUrl).toBe(REPERTOIRE_URL)
    await discovery.getDiscovery()
    expect(requestsTo('https://env.example.com/')).toEqual([])
    expect(requestsTo(DISCOVERY_URL)).toHaveLength(1)
  })

  it('strips the trailing slash of the baseUrl option before adding /discovery', async () => {
    serveDiscovery(minimal)
    const discovery = new DiscoveryClient({ baseUrl: `${REPERTOIRE_URL}/` })

    await discovery.getDiscovery()

    expect(requestsTo(REPERTOIRE_URL).map((request) => request.url)).toEqual([DISCOVERY_URL])
  })
})

describe('DiscoveryClient cache', () => {
  it('serves the document from its cache while it is fresh', async () => {
    const served = serveDiscovery(gafaelfawrOnly)
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    await discovery.getDiscovery()
    await discovery.urlForInternal('gafaelfawr')
    await discovery.urlForUi('nublado')

    expect(served.count()).toBe(1)
  })

  it('fetches the document again once cacheLifetime has passed', async () => {
    const served = serveDiscovery(minimal)
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL, cacheLifetime: 5 })

    await discovery.getDiscovery()
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(gafaelfawrOnly)))
    await sleep(20)

    expect(await discovery.urlForInternal('gafaelfawr', { version: 'v1' })).toBe(
      'https://data.example.com/auth/api/v1',
    )
    expect(served.count()).toBe(1)
    expect(requestsTo(DISCOVERY_URL)).toHaveLength(2)
  })

  it('fetches the document again after clearCache()', async () => {
    const served = serveDiscovery(minimal)
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    await discovery.getDiscovery()
    await discovery.clearCache()
    await discovery.getDiscovery()

    expect(served.count()).toBe(2)
  })

  it('shares one request between concurrent callers', async () => {
    const held = gate()
    let count = 0
    server.use(
      http.get(DISCOVERY_URL, async () => {
        count++
        await held.promise
        return HttpResponse.json(gafaelfawrOnly)
      }),
    )
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    const pending = [
      discovery.getDiscovery(),
      discovery.urlForInternal('gafaelfawr', { version: 'v1' }),
      discovery.urlForUi('portal'),
      ...Array.from({ length: 20 }, () => discovery.getDiscovery()),
    ]
    held.open()
    const results = await Promise.all(pending)

    expect(count).toBe(1)
    expect(results[1]).toBe('https://data.example.com/auth/api/v1')
    expect(results[2]).toBeNull()
  })

  it('returns the older copy and warns when a refresh fails', async () => {
    serveDiscovery(gafaelfawrOnly)
    const logger = captureLogger()
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL, cacheLifetime: 5, logger })
    await discovery.getDiscovery()
    server.use(http.get(DISCOVERY_URL, () => new HttpResponse('gone', { status: 404 })))
    await sleep(20)

    const url = await discovery.urlForInternal('gafaelfawr', { version: 'v1' })

    expect(url).toBe('https://data.example.com/auth/api/v1')
    expect(requestsTo(DISCOVERY_URL)).toHaveLength(2)
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]?.[0]).toMatch(/older copy/)
    expect(logger.error).not.toHaveBeenCalled()
  })

  it('keeps trying to refresh after serving an older copy', async () => {
    serveDiscovery(minimal)
    const discovery = new DiscoveryClient({
      baseUrl: REPERTOIRE_URL,
      cacheLifetime: 5,
      logger: captureLogger(),
    })
    await discovery.getDiscovery()
    server.use(http.get(DISCOVERY_URL, () => new HttpResponse('gone', { status: 404 })))
    await sleep(20)
    await discovery.getDiscovery()
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.json(gafaelfawrOnly)))
    await sleep(20)

    expect(await discovery.urlForInternal('gafaelfawr')).toBe('https://data.example.com/auth/api')
  })
})

describe('DiscoveryClient failures without an older copy', () => {
  it('throws RepertoireWebError with status and URL for a 500', async () => {
    server.use(http.get(DISCOVERY_URL, () => new HttpResponse('broken', { status: 500 })))
    const logger = captureLogger()
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL, logger })

    const error = await caught(() => discovery.getDiscovery())

    expect(error).toBeInstanceOf(RepertoireWebError)
    expect(error).toBeInstanceOf(RepertoireError)
    expect((error as RepertoireWebError).status).toBe(500)
    expect((error as RepertoireWebError).url).toBe(DISCOVERY_URL)
    expect((error as RepertoireWebError).body).toBe('broken')
    expect((error as Error).message).toContain(DISCOVERY_URL)
    expect(logger.error).toHaveBeenCalledTimes(1)
    expect(logger.warn).not.toHaveBeenCalled()
  })

  it('throws RepertoireWebError without status when Repertoire cannot be reached', async () => {
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.error()))
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    const error = await caught(() => discovery.urlForInternal('gafaelfawr'))

    expect(error).toBeInstanceOf(RepertoireWebError)
    expect((error as RepertoireWebError).status).toBeUndefined()
    expect((error as RepertoireWebError).url).toBe(DISCOVERY_URL)
  })

  it('throws RepertoireValidationError naming a field of the wrong type', async () => {
    serveDiscovery({
      services: { internal: { gafaelfawr: { url: 42 } } },
    })
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    const error = await caught(() => discovery.getDiscovery())

    expect(error).toBeInstanceOf(RepertoireValidationError)
    expect(error).toBeInstanceOf(RepertoireError)
    const validation = error as RepertoireValidationError
    expect(validation.url).toBe(DISCOVERY_URL)
    expect(validation.message).toContain('services.internal.gafaelfawr.url')
    expect(validation.issues.map((issue) => issue.path)).toContainEqual([
      'services',
      'internal',
      'gafaelfawr',
      'url',
    ])
  })

  it('throws RepertoireValidationError when a top-level field has the wrong type', async () => {
    serveDiscovery({ applications: 'gafaelfawr' })
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    const error = await caught(() => discovery.getDiscovery())

    expect(error).toBeInstanceOf(RepertoireValidationError)
    expect((error as Error).message).toContain('applications')
  })

  it('throws RepertoireValidationError for a reply that is not JSON', async () => {
    server.use(http.get(DISCOVERY_URL, () => HttpResponse.html('<html>Welcome</html>')))
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })

    const error = await caught(() => discovery.getDiscovery())

    expect(error).toBeInstanceOf(RepertoireValidationError)
    expect((error as RepertoireValidationError).url).toBe(DISCOVERY_URL)
    expect((error as Error).message).toMatch(/not JSON/)
  })

  it('does not cache a failure: the next call asks again', async () => {
    server.use(http.get(DISCOVERY_URL, () => new HttpResponse('nope', { status: 404 })))
    const discovery = new DiscoveryClient({ baseUrl: REPERTOIRE_URL })
    await expect(discovery.getDiscovery()).rejects.toBeInstanceOf(RepertoireWebError)
    serveDiscovery(gafaelfawrOnly)

    expect(await discovery.urlForInternal('gafaelfawr')).toBe('https://data.example.com/auth/api')
  })
})
