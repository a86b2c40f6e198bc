import { type HttpHandler, http } from 'msw'
import { parseAuthorization } from './internal/parseAuthorization'
import {
  internalServerError,
  invalidRequest,
  invalidToken,
  jsonReply,
  malformedReply,
  methodNotAllowed,
  noAuthorization,
  notSupported,
  pathValidationError,
  permissionDenied,
  routeNotFound,
  userInfoFailed,
} from './internal/replies'
import { toUserByNameReply, toUserInfoReply } from './internal/serializeUser'
import { randomToken, tokenFormatProblem } from './internal/tokens'
import { isValidUsername, usernameError } from './internal/usernameRule'
import type { MockUser } from './mockUsers'

/** Options of `new MockGafaelfawr()`. */
export interface MockGafaelfawrOptions {
  /**
   * Repertoire's base URL; discovery is served at `{repertoireUrl}/discovery`. A path such as
   * `/repertoire` matches on any origin (the page's own, in a browser). Defaults to
   * `https://data.example.com/repertoire`.
   */
  repertoireUrl?: string | undefined
  /**
   * The Gafaelfawr v1 API URL. A path such as `/auth/api/v1` matches on any origin. Defaults
   * to `https://data.example.com/auth/api/v1`.
   */
  baseUrl?: string | undefined
}

/** Options of `createToken()`. */
export interface MockTokenOptions {
  /** Scopes of the token, such as `admin:userinfo`. Defaults to none. */
  scopes?: readonly string[] | undefined
  /** When the token stops being valid: a `Date` or milliseconds since the epoch. Never by default. */
  expires?: Date | number | undefined
}

/** Options of `setSessionUser()`. */
export interface MockSessionOptions {
  /** Scopes of the session token. Defaults to none. */
  scopes?: readonly string[] | undefined
}

/** A route that `failOn()` can make fail: `/user-info` or `/users/{name}`. */
export type MockGafaelfawrAction = 'user-info' | 'users'

/**
 * How a failing route fails: `server-error` as the server does when its user-information
 * backend fails, `network` as a connection that drops, `malformed` as a 200 whose body is not
 * JSON.
 */
export type MockFailureKind = 'server-error' | 'network' | 'malformed'

/** Options of `failOn()`. */
export interface MockFailOptions {
  /** How the routes fail. Defaults to `server-error`. */
  kind?: MockFailureKind | undefined
}

/** Which credential a request was authenticated with. */
export type MockCredentialKind = 'token' | 'session' | 'none'

/** One request the mock answered. It never holds a token or a query string. */
export interface MockGafaelfawrRequest {
  method: string
  /** The URL without its query string; anything of the token format is redacted. */
  url: string
  /** The path of the URL, redacted the same way. */
  path: string
  /** `session` when the session was used, `token` when an `Authorization` header was. */
  credential: MockCredentialKind
  /** The authenticated user, when the credentials were valid. */
  username?: string | undefined
  /** The status answered; 0 for a simulated network error. */
  status: number
}

interface TokenRecord {
  username: string
  scopes: readonly string[]
  expires: number | undefined
}

interface Identity {
  username: string
  scopes: readonly string[]
}

const DEFAULT_REPERTOIRE_URL = 'https://data.example.com/repertoire'
const DEFAULT_BASE_URL = 'https://data.example.com/auth/api/v1'
const ADMIN_SCOPE = 'admin:userinfo'
const SESSION_COOKIE = 'gafaelfawr'

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/** Whether `url` is `base` or below it; a relative base matches on any origin. */
function below(url: URL, base: string): string | undefined {
  const resolved = new URL(base, url.origin)
  if (resolved.origin !== url.origin) return undefined
  const basePath = trimSlash(resolved.pathname)
  if (url.pathname === basePath) return ''
  return url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : undefined
}

/** Anything of the token format in a path becomes `gt-[redacted]`: the log holds no token. */
function redactTokens(path: string): string {
  return path.replace(/gt-[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}/g, 'gt-[redacted]')
}

function cookieNames(header: string | null): Set<string> {
  const names = new Set<string>()
  for (const part of (header ?? '').split(';')) {
    const name = part.split('=', 1)[0]?.trim()
    if (name) names.add(name)
  }
  return names
}

/**
 * An in-memory Repertoire and Gafaelfawr that answer as the real servers do (spec §1-3):
 * same statuses, bodies and headers, session cookie checked before the `Authorization` header.
 * Use its `handlers` with MSW (Node, browser or Storybook), or serve it over HTTP with
 * `startMockGafaelfawrServer()` from `gafaelfawr-react/testing/node`.
 *
 * Users live in an LDAP-like directory that every route reads at request time. A user absent
 * from it (never set, or set to `null`) is "unknown to LDAP": `/users/{name}` answers 200 with
 * the name alone, and `/user-info` for that user's still-valid token or session answers from
 * the token's data, which is the name (and `groups: []`), as the real server does after a user
 * leaves LDAP. It never answers 404 for a missing user (the Python mock does; the server does
 * not).
 *
 * @example
 * ```ts
 * const mock = new MockGafaelfawr()
 * mock.setUserInfo('rachel', mockUsers.complete)
 * const token = mock.createToken('rachel')
 * server.use(...mock.handlers)
 * ```
 */
export class MockGafaelfawr {
  /** Repertoire's base URL, without a trailing slash. */
  readonly repertoireUrl: string
  /** The Gafaelfawr v1 API URL, without a trailing slash. */
  readonly baseUrl: string
  /** Every request answered, oldest first. Entries carry no token. */
  readonly requests: MockGafaelfawrRequest[] = []
  /** MSW handlers that answer from the mock's state at request time. */
  readonly handlers: readonly HttpHandler[]

  #users = new Map<string, MockUser>()
  #tokens = new Map<string, TokenRecord>()
  #failures = new Map<string, Map<MockGafaelfawrAction, MockFailureKind>>()
  #session: Identity | undefined
  #ldap = true
  #latency = 0
  #discovery: unknown

  constructor(options: MockGafaelfawrOptions = {}) {
    this.repertoireUrl = trimSlash(options.repertoireUrl ?? DEFAULT_REPERTOIRE_URL)
    this.baseUrl = trimSlash(options.baseUrl ?? DEFAULT_BASE_URL)
    this.handlers = [
      http.all(
        ({ request }) => this.handles(request.url),
        ({ request, cookies }) => this.handle(request, { cookies }),
      ),
    ]
  }

  /**
   * Issues a token of the real format, `gt-<22 chars>.<22 chars>`, for `username`.
   *
   * @param username - The token's user; need not be in the directory.
   * @param options - Scopes (`admin:userinfo` allows by-name lookups of others) and expiry.
   * @returns The token, to send as `Authorization: Bearer <token>`.
   * @throws {RangeError} when `username` breaks Gafaelfawr's username rule.
   */
  createToken(username: string, options: MockTokenOptions = {}): string {
    assertUsername(username)
    const token = randomToken()
    const expires = options.expires instanceof Date ? options.expires.getTime() : options.expires
    this.#tokens.set(token, { username, scopes: [...(options.scopes ?? [])], expires })
    return token
  }

  /**
   * Puts `username` in the directory, or removes it with `null` (the user is then unknown to
   * LDAP; tokens stay valid, see the class notes). The stored copy has `username` as its name.
   *
   * @throws {RangeError} when `username` breaks Gafaelfawr's username rule.
   */
  setUserInfo(username: string, info: MockUser | null): void {
    assertUsername(username)
    if (info === null) this.#users.delete(username)
    else this.#users.set(username, structuredClone({ ...info, username }))
  }

  /**
   * Logs `username` in with a browser session, or logs out with `null`. A request uses the
   * session when it carries the `gafaelfawr` cookie, or when it has no `Authorization`
   * header (a same-origin browser request carries the cookie the test cannot see). The
   * session is checked before the header, as the server does.
   *
   * @throws {RangeError} when `username` breaks Gafaelfawr's username rule.
   */
  setSessionUser(username: string | null, options: MockSessionOptions = {}): void {
    if (username === null) {
      this.#session = undefined
      return
    }
    assertUsername(username)
    this.#session = { username, scopes: [...(options.scopes ?? [])] }
  }

  /**
   * Makes the user-information backend fail for `username`: on `/user-info` when that user
   * asks, on `/users/{username}` when anyone asks for them. Replaces that user's earlier
   * failures; `failOn(username, [])` ends them.
   *
   * A `server-error` answers as the server does: 500 `user_info_failed` from `/user-info`,
   * and a plain-text 500 from `/users/{name}` (that route does not catch LDAP errors).
   */
  failOn(
    username: string,
    actions: readonly MockGafaelfawrAction[],
    options: MockFailOptions = {},
  ): void {
    const kind = options.kind ?? 'server-error'
    if (actions.length === 0) this.#failures.delete(username)
    else this.#failures.set(username, new Map(actions.map((action) => [action, kind])))
  }

  /** `false` for a deployment without LDAP (GitHub login): every by-name lookup answers 404. */
  setLdapConfigured(configured: boolean): void {
    this.#ldap = configured
  }

  /**
   * Delays every answer by `ms` milliseconds (0 for none), to show loading states.
   * `Infinity` holds every answer for ever (a loading state that never ends).
   */
  setLatency(ms: number): void {
    this.#latency = Number.isNaN(ms) ? 0 : Math.max(0, ms)
  }

  /**
   * Replaces the discovery document (any JSON value: `{}` removes Gafaelfawr), or restores
   * the default one, which lists `baseUrl` as Gafaelfawr's v1 URL, with `undefined`.
   */
  setDiscovery(document: unknown): void {
    this.#discovery = document === undefined ? undefined : structuredClone(document)
  }

  /** Empties the directory, tokens, session, failures, request log; LDAP on, no latency. */
  reset(): void {
    this.#users.clear()
    this.#tokens.clear()
    this.#failures.clear()
    this.#session = undefined
    this.#ldap = true
    this.#latency = 0
    this.#discovery = undefined
    this.requests.length = 0
  }

  /**
   * Whether the mock answers `url`: discovery, or anything under the API's base URL.
   *
   * @param url - An absolute URL.
   */
  handles(url: string | URL): boolean {
    const parsed = new URL(url)
    return (
      below(parsed, this.repertoireUrl) === '/discovery' ||
      below(parsed, this.baseUrl) !== undefined
    )
  }

  /**
   * Answers one request as the servers would. Both the MSW handlers and the HTTP server call
   * this. Paths the mock does not serve answer FastAPI's 404.
   *
   * @param request - The request, with an absolute URL.
   * @param context - Cookies seen by MSW (in a browser, those of `document.cookie`).
   * @returns The reply; `Response.error()` for a simulated network error.
   */
  async handle(
    request: Request,
    context: { cookies?: Record<string, string> | undefined } = {},
  ): Promise<Response> {
    const url = new URL(request.url)
    const path = redactTokens(url.pathname)
    const entry: MockGafaelfawrRequest = {
      method: request.method,
      url: `${url.origin}${path}`,
      path,
      credential: 'none',
      status: 0,
    }
    await wait(this.#latency)
    let response: Response
    if (below(url, this.repertoireUrl) === '/discovery') {
      response = this.#discoveryReply(request, url)
    } else {
      const rest = below(url, this.baseUrl)
      const hasCookie =
        context.cookies?.[SESSION_COOKIE] !== undefined ||
        cookieNames(request.headers.get('cookie')).has(SESSION_COOKIE)
      response =
        rest === undefined ? routeNotFound() : this.#apiReply(request, url, rest, hasCookie, entry)
    }
    entry.status = response.type === 'error' ? 0 : response.status
    this.requests.push(entry)
    return response
  }

  #discoveryReply(request: Request, url: URL): Response {
    if (request.method !== 'GET') return methodNotAllowed('GET')
    const v1 = new URL(this.baseUrl, url.origin).href
    const document = this.#discovery ?? {
      services: {
        internal: {
          gafaelfawr: { url: v1.replace(/\/v1$/, ''), versions: { v1: { url: v1 } } },
        },
      },
    }
    // Repertoire allows any origin on this route (spec §1).
    return jsonReply(200, document, { 'Access-Control-Allow-Origin': '*' })
  }

  #apiReply(
    request: Request,
    url: URL,
    rest: string,
    hasCookie: boolean,
    entry: MockGafaelfawrRequest,
  ): Response {
    const byName = /^\/users\/([^/]*)$/.exec(rest)
    if (rest !== '/user-info' && !byName) return routeNotFound()
    // Starlette routes before FastAPI resolves dependencies: 405 and 404 come first.
    if (request.method !== 'GET') return methodNotAllowed('GET')
    let username: string | undefined
    if (byName) {
      username = decodeSegment(byName[1] as string)
      if (!username || username.includes('/')) return routeNotFound()
    }
    // Then the authentication dependency, before path parameters are validated.
    const realm = url.hostname
    const identity = this.#authenticate(request, hasCookie, realm, entry)
    if (identity instanceof Response) return identity
    entry.username = identity.username
    if (username === undefined) return this.#userInfo(identity)
    const invalid = usernameError(username)
    if (invalid) return pathValidationError('username', username, invalid)
    return this.#userByName(identity, username)
  }

  #authenticate(
    request: Request,
    hasCookie: boolean,
    realm: string,
    entry: MockGafaelfawrRequest,
  ): Identity | Response {
    const header = request.headers.get('authorization')
    if (this.#session && (hasCookie || !header)) {
      entry.credential = 'session'
      return this.#session
    }
    if (header) entry.credential = 'token'
    const parsed = parseAuthorization(header)
    if (parsed.kind === 'none') return noAuthorization(realm)
    if (parsed.kind === 'invalid-request') return invalidRequest(realm, parsed.message)
    const problem = tokenFormatProblem(parsed.token)
    if (problem) return invalidToken(realm, problem)
    const record = this.#tokens.get(parsed.token)
    if (!record || (record.expires !== undefined && record.expires <= Date.now())) {
      return invalidToken(realm)
    }
    return record
  }

  #userInfo(identity: Identity): Response {
    const failure = this.#failures.get(identity.username)?.get('user-info')
    if (failure) return failureReply(failure, userInfoFailed)
    const user = this.#users.get(identity.username) ?? { username: identity.username }
    return jsonReply(200, toUserInfoReply(user))
  }

  #userByName(identity: Identity, username: string): Response {
    // The server's order: LDAP configured, then permission, then the LDAP lookup.
    if (!this.#ldap) return notSupported()
    if (username !== identity.username && !identity.scopes.includes(ADMIN_SCOPE)) {
      return permissionDenied(username)
    }
    const failure = this.#failures.get(username)?.get('users')
    if (failure) return failureReply(failure, internalServerError)
    const user = this.#users.get(username) ?? { username }
    return jsonReply(200, toUserByNameReply(user))
  }
}

/** setTimeout's longest delay; anything longer would fire at once. */
const MAX_DELAY = 2_147_483_647

function wait(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  if (ms > MAX_DELAY) return new Promise(() => {})
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function failureReply(kind: MockFailureKind, serverError: () => Response): Response {
  if (kind === 'network') return Response.error()
  if (kind === 'malformed') return malformedReply()
  return serverError()
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

function assertUsername(username: string): void {
  if (!isValidUsername(username)) {
    throw new RangeError(`MockGafaelfawr: ${JSON.stringify(username)} is not a valid username`)
  }
}
