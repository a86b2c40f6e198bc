import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrError,
  GafaelfawrForbiddenError,
  GafaelfawrNotFoundError,
  GafaelfawrUnauthorizedError,
  GafaelfawrValidationError,
  GafaelfawrWebError,
} from '../../src/client'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import { GAFAELFAWR_URL, server } from '../support/server'
import { caught, exposedText, requestsTo, TOKEN } from './helpers'

const USER_INFO_URL = `${GAFAELFAWR_URL}/user-info`
const BY_NAME_URL = `${GAFAELFAWR_URL}/users/some-user`

// Spec §3, the bodies exactly as the server sends them.
const NO_AUTHORIZATION = { detail: { msg: 'Authentication required', type: 'no_authorization' } }
const INVALID_TOKEN = { detail: [{ msg: 'Token is not valid', type: 'invalid_token' }] }
const PERMISSION_DENIED = {
  detail: [{ msg: 'Cannot get information for user some-user', type: 'permission_denied' }],
}
const NOT_SUPPORTED = {
  detail: [{ msg: 'No external user information source configured', type: 'not_supported' }],
}
const PATTERN_MISMATCH = {
  detail: [
    {
      loc: ['path', 'username'],
      msg: "String should match pattern '^[a-z0-9](?:[a-z0-9]|-[a-z0-9])*[a-z](?:[a-z0-9]|-[a-z0-9])*$'",
      type: 'string_pattern_mismatch',
    },
  ],
}
const USER_INFO_FAILED = {
  detail: [{ msg: 'Unable to get user information', type: 'user_info_failed' }],
}
const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

function client(options: { timeout?: number } = {}): GafaelfawrClient {
  return new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, ...options })
}

/** What every error of a read must satisfy, whatever it is. */
function expectCommon(error: unknown, type: abstract new (...args: never[]) => Error, url: string) {
  expect(error).toBeInstanceOf(type)
  expect(error).toBeInstanceOf(GafaelfawrError)
  const fields = error as { method?: string; url?: string; message: string; name: string }
  expect(fields.method).toBe('GET')
  expect(fields.url).toBe(url)
  expect(fields.message).toContain(url)
  expect(fields.name).toBe(type.name)
  // The token is in no message, no property, no cause.
  expect(exposedText(error)).not.toContain(TOKEN)
  expect(exposedText(error)).not.toContain(TOKEN.slice(3, 20))
}

describe('error replies (spec §3)', () => {
  it('turns a 404 not_supported reply into GafaelfawrNotFoundError', async () => {
    server.use(http.get(BY_NAME_URL, () => HttpResponse.json(NOT_SUPPORTED, { status: 404 })))

    const error = await caught(() => client().getUserInfoByName('some-user', TOKEN))

    expectCommon(error, GafaelfawrNotFoundError, BY_NAME_URL)
    const web = error as GafaelfawrNotFoundError
    expect(web).toBeInstanceOf(GafaelfawrWebError)
    expect(web.status).toBe(404)
    expect(web.detail).toEqual(NOT_SUPPORTED.detail)
    expect(web.body).toBe(JSON.stringify(NOT_SUPPORTED))
    expect(web.message).toContain('No external user information source configured')
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })

  it('turns a 401 without credentials, whose detail is an object, into GafaelfawrUnauthorizedError', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.json(NO_AUTHORIZATION, { status: 401 })))

    const error = await caught(() => client().getUserInfo())

    expectCommon(error, GafaelfawrUnauthorizedError, USER_INFO_URL)
    const web = error as GafaelfawrUnauthorizedError
    expect(web.status).toBe(401)
    expect(web.detail).toEqual({ msg: 'Authentication required', type: 'no_authorization' })
    expect(web.message).toContain('Authentication required')
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })

  it('turns a 401 for an invalid token, whose detail is a list, into GafaelfawrUnauthorizedError', async () => {
    server.use(
      http.get(USER_INFO_URL, () =>
        HttpResponse.json(INVALID_TOKEN, {
          status: 401,
          headers: {
            'WWW-Authenticate':
              'Bearer realm="data.example.com", error="invalid_token", error_description="Token is not valid"',
          },
        }),
      ),
    )

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrUnauthorizedError, USER_INFO_URL)
    const web = error as GafaelfawrUnauthorizedError
    expect(web.status).toBe(401)
    expect(web.detail).toEqual([{ msg: 'Token is not valid', type: 'invalid_token' }])
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })

  it('turns a 403 permission_denied reply into GafaelfawrForbiddenError', async () => {
    server.use(http.get(BY_NAME_URL, () => HttpResponse.json(PERMISSION_DENIED, { status: 403 })))

    const error = await caught(() => client().getUserInfoByName('some-user', TOKEN))

    expectCommon(error, GafaelfawrForbiddenError, BY_NAME_URL)
    const web = error as GafaelfawrForbiddenError
    expect(web.status).toBe(403)
    expect(web.detail).toEqual(PERMISSION_DENIED.detail)
    expect(web.message).toContain('Cannot get information for user some-user')
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })

  it('turns a 422 FastAPI list into a plain GafaelfawrWebError with status 422', async () => {
    server.use(http.get(BY_NAME_URL, () => HttpResponse.json(PATTERN_MISMATCH, { status: 422 })))

    const error = await caught(() => client().getUserInfoByName('some-user', TOKEN))

    expectCommon(error, GafaelfawrWebError, BY_NAME_URL)
    const web = error as GafaelfawrWebError
    expect(web.status).toBe(422)
    expect(web.detail).toEqual(PATTERN_MISMATCH.detail)
    expect(web).not.toBeInstanceOf(GafaelfawrNotFoundError)
    expect(web).not.toBeInstanceOf(GafaelfawrForbiddenError)
    expect(web).not.toBeInstanceOf(GafaelfawrUnauthorizedError)
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })

  it('turns a 500 user_info_failed reply into GafaelfawrWebError after three attempts', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.json(USER_INFO_FAILED, { status: 500 })))

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrWebError, USER_INFO_URL)
    const web = error as GafaelfawrWebError
    expect(web.status).toBe(500)
    expect(web.detail).toEqual(USER_INFO_FAILED.detail)
    expect(web.message).toContain('Unable to get user information')
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(3)
  })

  it('turns a 502 HTML page into GafaelfawrWebError with the HTML as body and no detail', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.html(BAD_GATEWAY_HTML, { status: 502 })))

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrWebError, USER_INFO_URL)
    const web = error as GafaelfawrWebError
    expect(web.status).toBe(502)
    expect(web.body).toBe(BAD_GATEWAY_HTML)
    expect(web.detail).toBeUndefined()
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(3)
  })

  it('redacts a token that an error body echoes', async () => {
    server.use(
      http.get(USER_INFO_URL, ({ request }) =>
        HttpResponse.json(
          { detail: [{ msg: `Bad header ${request.headers.get('authorization')}`, type: 'x' }] },
          { status: 403 },
        ),
      ),
    )

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrForbiddenError, USER_INFO_URL)
    expect((error as GafaelfawrForbiddenError).body).toContain('Bad header Bearer')
  })
})

describe('failures without a reply', () => {
  it('turns a network failure into GafaelfawrWebError without status', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.error()))

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrWebError, USER_INFO_URL)
    const web = error as GafaelfawrWebError
    expect(web.status).toBeUndefined()
    expect(web.body).toBeUndefined()
    expect(web).not.toBeInstanceOf(GafaelfawrNotFoundError)
    // A network failure is retried: three attempts in all.
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(3)
  })

  it('turns a reply slower than the timeout into GafaelfawrWebError that says it timed out', async () => {
    server.use(
      http.get(USER_INFO_URL, async () => {
        await delay(300)
        return HttpResponse.json(someuser)
      }),
    )

    const error = await caught(() => client({ timeout: 50 }).getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrWebError, USER_INFO_URL)
    const web = error as GafaelfawrWebError
    expect(web.status).toBeUndefined()
    expect(web.message).toMatch(/timed out/)
    expect(web.message).toContain('50 ms')
  })
})

describe('replies that are not user information', () => {
  it('turns a 200 reply that is not JSON into GafaelfawrValidationError', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.html('<html>Log in</html>')))

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrValidationError, USER_INFO_URL)
    expect((error as Error).message).toMatch(/not JSON/)
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })

  it('turns a uid that is not a number into GafaelfawrValidationError naming uid', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.json({ ...someuser, uid: 'abc' })))

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrValidationError, USER_INFO_URL)
    const validation = error as GafaelfawrValidationError
    expect(validation.message).toContain('uid')
    expect(validation.issues.map((issue) => issue.path)).toEqual([['uid']])
  })

  it('names the nested field of a quota of the wrong type', async () => {
    server.use(
      http.get(BY_NAME_URL, () =>
        HttpResponse.json({ username: 'some-user', quota: { tap: { sso: { concurrent: 'x' } } } }),
      ),
    )

    const error = await caught(() => client().getUserInfoByName('some-user', TOKEN))

    expectCommon(error, GafaelfawrValidationError, BY_NAME_URL)
    const validation = error as GafaelfawrValidationError
    expect(validation.message).toContain('quota.tap.sso.concurrent')
    expect(validation.issues.map((issue) => issue.path)).toEqual([
      ['quota', 'tap', 'sso', 'concurrent'],
    ])
  })

  it('refuses a reply without a username', async () => {
    server.use(http.get(USER_INFO_URL, () => HttpResponse.json({ name: 'Nobody' })))

    const error = await caught(() => client().getUserInfo(TOKEN))

    expectCommon(error, GafaelfawrValidationError, USER_INFO_URL)
    expect((error as GafaelfawrValidationError).issues[0]?.path).toEqual(['username'])
  })
})

describe('retry policy', () => {
  it('never retries a 4xx', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      server.use(
        http.get(USER_INFO_URL, () => HttpResponse.json({ detail: 'no' }, { status }), {
          once: true,
        }),
      )
      const before = requestsTo(GAFAELFAWR_URL).length

      const error = await caught(() => client().getUserInfo(TOKEN))

      expect((error as GafaelfawrWebError).status).toBe(status)
      expect(requestsTo(GAFAELFAWR_URL).length - before).toBe(1)
    }
  })

  it('retries a 429 with Retry-After: 0 and returns the next reply', async () => {
    let count = 0
    server.use(
      http.get(USER_INFO_URL, () => {
        count++
        if (count === 1) {
          return HttpResponse.json(
            { detail: 'slow down' },
            { status: 429, headers: { 'Retry-After': '0' } },
          )
        }
        return HttpResponse.json(someuser)
      }),
    )

    const user = await client().getUserInfo(TOKEN)

    expect(user.username).toBe('someuser')
    expect(count).toBe(2)
  })

  it('retries a 500 and returns the reply of the next attempt', async () => {
    let count = 0
    server.use(
      http.get(USER_INFO_URL, () => {
        count++
        return count === 1
          ? HttpResponse.json(USER_INFO_FAILED, { status: 500 })
          : HttpResponse.json(someuser)
      }),
    )

    const user = await client().getUserInfo(TOKEN)

    expect(user.username).toBe('someuser')
    expect(count).toBe(2)
  })

  it('does not retry a timeout', async () => {
    server.use(
      http.get(USER_INFO_URL, async () => {
        await delay(300)
        return HttpResponse.json(someuser)
      }),
    )

    await expect(client({ timeout: 50 }).getUserInfo(TOKEN)).rejects.toBeInstanceOf(
      GafaelfawrWebError,
    )
    expect(requestsTo(GAFAELFAWR_URL)).toHaveLength(1)
  })
})
