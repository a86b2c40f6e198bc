import ky from 'ky'
import { type ReactNode, useState } from 'react'
import { GafaelfawrDiscoveryError } from '../client/errors/GafaelfawrDiscoveryError'
import { GafaelfawrValidationError } from '../client/errors/GafaelfawrValidationError'
import { GafaelfawrWebError } from '../client/errors/GafaelfawrWebError'
import { RepertoireValidationError } from '../client/errors/RepertoireValidationError'
import { RepertoireWebError } from '../client/errors/RepertoireWebError'
import { GafaelfawrClient } from '../client/GafaelfawrClient'
import { type GafaelfawrUserInfo, UserInfoSchema } from '../client/schemas/UserInfoSchema'
import { GafaelfawrProvider } from '../react/GafaelfawrProvider'
import { toUserByNameReply, toUserInfoReply } from './internal/serializeUser'
import type { MockUser } from './mockUsers'

/** The error classes a forced error state can produce, each from the real server's reply. */
export type MockGafaelfawrErrorName =
  | 'GafaelfawrUnauthorizedError'
  | 'GafaelfawrForbiddenError'
  | 'GafaelfawrNotFoundError'
  | 'GafaelfawrWebError'
  | 'GafaelfawrValidationError'
  | 'GafaelfawrDiscoveryError'
  | 'RepertoireWebError'
  | 'RepertoireValidationError'

/** An error instance a forced error state reproduces, by its class, status and body. */
export type MockGafaelfawrErrorInstance =
  | GafaelfawrWebError
  | GafaelfawrValidationError
  | GafaelfawrDiscoveryError
  | RepertoireWebError
  | RepertoireValidationError

/** A state forced on every read: loading for ever, or failing with one error class. */
export type MockGafaelfawrState =
  | 'loading'
  | { error: MockGafaelfawrErrorName | MockGafaelfawrErrorInstance }

/** Props of `<MockGafaelfawrProvider>`. */
export interface MockGafaelfawrProviderProps {
  /** The logged-in user, answered by `/user-info`. Without it, `/user-info` answers 401. */
  user?: MockUser | undefined
  /**
   * Users by name, answered by `/users/{name}` (the logged-in user is found there too). A name
   * not listed answers 200 with only the username, as Gafaelfawr does for a user unknown to
   * LDAP (spec §2).
   */
  users?: Readonly<Record<string, MockUser>> | undefined
  /** `false`: a deployment without LDAP, whose `/users/{name}` always answers 404. */
  ldap?: boolean | undefined
  /** Forces every read to stay loading, or to fail with an error class; overrides the rest. */
  state?: MockGafaelfawrState | undefined
  children?: ReactNode
}

/** The mock Gafaelfawr v1 URL. `.invalid` can never resolve, and nothing is ever sent to it. */
const BASE_URL = 'https://gafaelfawr.mock.invalid/auth/api/v1'
const REPERTOIRE_URL = 'https://gafaelfawr.mock.invalid/repertoire'
/** ky's largest timeout: a forced loading state must not turn into a timeout error. */
const NEVER = 2_147_483_647
// Spec §2, the server's rule for usernames.
const USERNAME_RULE = /^[a-z0-9](?:[a-z0-9]|-[a-z0-9])*[a-z](?:[a-z0-9]|-[a-z0-9])*$/

interface Reply {
  status: number
  body: string
  contentType: string
}

/** A seeded user: what the client makes of it, and the raw user to serialise replies from. */
interface Seeded {
  info: GafaelfawrUserInfo
  raw: MockUser
}

interface MockData {
  user: Seeded | undefined
  users: Map<string, Seeded>
  ldap: boolean
  state: MockGafaelfawrState | undefined
}

/**
 * A `<GafaelfawrProvider>` for unit tests and stories that sends nothing over the network: its
 * client is a real `GafaelfawrClient` whose HTTP goes to an in-memory Gafaelfawr answering from
 * the props, with the real server's statuses and bodies (spec §3), so every error is the class
 * the real client raises. The caches are seeded, so the first render already has the user.
 *
 * Seed it with `user` (the logged-in user), `users` (lookups by name) and `ldap`, or force a
 * `state`: `'loading'` (reads never finish until the component unmounts) or
 * `{ error: 'GafaelfawrForbiddenError' }` (a class name, or an instance, reproduced by its
 * class, status and body). Credentials are not checked: any token reads as `user`. Retried
 * failures (5xx, network) arrive after the client's short back-off, as in production.
 *
 * The client is made once per provider: to change the seed, remount it with a new `key`.
 *
 * @param props - `user`, `users`, `ldap`, `state` and `children`.
 * @returns The children inside a `<GafaelfawrProvider>`.
 * @throws {TypeError} when a seeded user is not valid user information.
 * @example
 * ```tsx
 * import { render, screen } from '@testing-library/react'
 * import { MockGafaelfawrProvider, mockUsers } from 'gafaelfawr-react/testing'
 *
 * test('asks for a UID it cannot get', () => {
 *   render(
 *     <MockGafaelfawrProvider user={mockUsers.noUidGid}>
 *       <Notebook />
 *     </MockGafaelfawrProvider>,
 *   )
 *   expect(screen.getByRole('alert').textContent).toContain('numeric user ID')
 * })
 *
 * export const LoggedOut = {
 *   render: () => (
 *     <MockGafaelfawrProvider state={{ error: 'GafaelfawrUnauthorizedError' }}>
 *       <Header />
 *     </MockGafaelfawrProvider>
 *   ),
 * }
 * ```
 */
export function MockGafaelfawrProvider(props: MockGafaelfawrProviderProps): ReactNode {
  const [client] = useState(() => createMockClient(props))
  return <GafaelfawrProvider client={client}>{props.children}</GafaelfawrProvider>
}

function createMockClient(props: MockGafaelfawrProviderProps): GafaelfawrClient {
  const data: MockData = {
    user: props.user === undefined ? undefined : parseUser(props.user, 'user'),
    users: new Map(
      Object.entries(props.users ?? {}).map(([name, user]) => [
        name,
        parseUser(user, `users.${name}`),
      ]),
    ),
    ldap: props.ldap ?? true,
    state: props.state,
  }
  const http = ky.create({ fetch: (input, init) => answer(new Request(input, init), data) })
  const viaDiscovery = needsDiscovery(data.state)
  const client = new GafaelfawrClient({
    ...(viaDiscovery ? { repertoireUrl: REPERTOIRE_URL } : { baseUrl: BASE_URL }),
    http,
    timeout: data.state === 'loading' ? NEVER : undefined,
  })
  if (data.state === undefined) seed(client, data)
  return client
}

/** The user as the client would parse it from the server's reply, checked once, up front. */
function parseUser(user: MockUser, where: string): Seeded {
  const parsed = UserInfoSchema.safeParse(toUserInfoReply(user))
  if (!parsed.success) {
    throw new TypeError(
      `<MockGafaelfawrProvider> ${where} is not valid user information: ${parsed.error.message}`,
    )
  }
  return { info: parsed.data, raw: user }
}

/** Fills both caches, so that components find their users on the first render. */
function seed(client: GafaelfawrClient, data: MockData): void {
  const { user } = data
  if (user) client.userInfoCache.setQueryData(client.userInfoQuery().queryKey, user.info)
  if (!data.ldap) return
  const byName = new Map(data.users)
  if (user && !byName.has(user.info.username)) byName.set(user.info.username, user)
  for (const [name, seeded] of byName) {
    if (!USERNAME_RULE.test(name)) continue
    client.usernameCache.setQueryData(client.userInfoByNameQuery(name).queryKey, seeded.info)
  }
}

function needsDiscovery(state: MockGafaelfawrState | undefined): boolean {
  if (state === undefined || state === 'loading') return false
  const { error } = state
  if (typeof error === 'string') {
    return error === 'GafaelfawrDiscoveryError' || error.startsWith('Repertoire')
  }
  return (
    error instanceof GafaelfawrDiscoveryError ||
    error instanceof RepertoireWebError ||
    error instanceof RepertoireValidationError
  )
}

/** The in-memory server: what Gafaelfawr (and Repertoire) would answer to `request`. */
async function answer(request: Request, data: MockData): Promise<Response> {
  const { signal } = request
  signal.throwIfAborted()
  const path = new URL(request.url).pathname
  if (data.state === 'loading') {
    return new Promise<Response>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true })
    })
  }
  const reply = route(path, data)
  if (reply === 'network') throw new TypeError('fetch failed')
  return new Response(reply.body, {
    status: reply.status,
    headers: { 'Content-Type': reply.contentType },
  })
}

function route(path: string, data: MockData): Reply | 'network' {
  if (path === new URL(`${REPERTOIRE_URL}/discovery`).pathname) return discoveryReply(data)
  const api = new URL(BASE_URL).pathname
  const forced = data.state === undefined || data.state === 'loading' ? undefined : data.state.error
  if (path === `${api}/user-info`) {
    if (forced !== undefined) return errorReply(forced, undefined)
    return data.user ? json(200, toUserInfoReply(data.user.raw)) : NO_AUTHORIZATION
  }
  if (path.startsWith(`${api}/users/`)) {
    const username = decodeURIComponent(path.slice(`${api}/users/`.length))
    if (forced !== undefined) return errorReply(forced, username)
    if (!USERNAME_RULE.test(username) || username.length > 64) return badUsername()
    if (!data.ldap) return NOT_SUPPORTED
    const user =
      data.users.get(username) ?? (data.user?.info.username === username ? data.user : undefined)
    return json(200, user ? toUserByNameReply(user.raw) : { username })
  }
  return json(404, { detail: 'Not Found' })
}

function discoveryReply(data: MockData): Reply | 'network' {
  const forced = data.state === undefined || data.state === 'loading' ? undefined : data.state.error
  if (forced === 'RepertoireWebError' || forced instanceof RepertoireWebError) {
    if (typeof forced === 'string') return html(502, 'Bad Gateway')
    if (forced.status === undefined) return 'network'
    return { status: forced.status, body: forced.body ?? '', contentType: contentTypeOf(forced) }
  }
  if (forced === 'RepertoireValidationError' || forced instanceof RepertoireValidationError) {
    return html(200, 'Log in')
  }
  if (forced === 'GafaelfawrDiscoveryError' || forced instanceof GafaelfawrDiscoveryError) {
    return json(200, {})
  }
  return json(200, {
    services: { internal: { gafaelfawr: { versions: { v1: { url: BASE_URL } } } } },
  })
}

/** Spec §3: the reply behind each error class. */
function errorReply(
  error: MockGafaelfawrErrorName | MockGafaelfawrErrorInstance,
  username: string | undefined,
): Reply | 'network' {
  if (typeof error !== 'string') {
    if (error instanceof GafaelfawrValidationError) return html(200, 'Log in')
    if (!(error instanceof GafaelfawrWebError)) return json(500, USER_INFO_FAILED)
    if (error.status === undefined) return 'network'
    if (error.body !== undefined) {
      return { status: error.status, body: error.body, contentType: contentTypeOf(error) }
    }
    return errorReply(nameOfStatus(error.status), username)
  }
  switch (error) {
    case 'GafaelfawrUnauthorizedError':
      return NO_AUTHORIZATION
    case 'GafaelfawrForbiddenError':
      return username === undefined
        ? json(403, {
            detail: [{ msg: 'Malformed Authorization header', type: 'invalid_request' }],
          })
        : json(403, {
            detail: [
              { msg: `Cannot get information for user ${username}`, type: 'permission_denied' },
            ],
          })
    case 'GafaelfawrNotFoundError':
      return NOT_SUPPORTED
    case 'GafaelfawrValidationError':
      // A login page answered with 200, as a misconfigured proxy does: not user information.
      return html(200, 'Log in')
    default:
      return json(500, USER_INFO_FAILED)
  }
}

function nameOfStatus(status: number): MockGafaelfawrErrorName {
  if (status === 401) return 'GafaelfawrUnauthorizedError'
  if (status === 403) return 'GafaelfawrForbiddenError'
  if (status === 404) return 'GafaelfawrNotFoundError'
  return 'GafaelfawrWebError'
}

function contentTypeOf(error: { body?: string | undefined }): string {
  try {
    JSON.parse(error.body ?? '')
    return 'application/json'
  } catch {
    return 'text/html'
  }
}

function json(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body), contentType: 'application/json' }
}

function html(status: number, title: string): Reply {
  return {
    status,
    body: `<!doctype html><html><head><title>${title}</title></head><body></body></html>`,
    contentType: 'text/html',
  }
}

function badUsername(): Reply {
  return json(422, {
    detail: [
      {
        loc: ['path', 'username'],
        msg: `String should match pattern '${USERNAME_RULE.source}'`,
        type: 'string_pattern_mismatch',
      },
    ],
  })
}

const NO_AUTHORIZATION = json(401, {
  detail: { msg: 'Authentication required', type: 'no_authorization' },
})
const NOT_SUPPORTED = json(404, {
  detail: [{ msg: 'No external user information source configured', type: 'not_supported' }],
})
const USER_INFO_FAILED = {
  detail: [{ msg: 'Unable to get user information', type: 'user_info_failed' }],
}
