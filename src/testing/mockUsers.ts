/** A group in a mock user's reply: `{ name, id }`, as Gafaelfawr sends it. */
export interface MockGroup {
  readonly name: string
  readonly id: number
}

/** A notebook quota in a mock user's reply (`memory` in GiB). */
export interface MockNotebookQuota {
  readonly cpu: number
  readonly memory: number
  readonly spawn?: boolean
}

/** A quota in a mock user's reply; every part may be absent, as on the wire. */
export interface MockQuota {
  readonly api?: Readonly<Record<string, number>>
  readonly disk?: Readonly<Record<string, number>>
  readonly notebook?: MockNotebookQuota | null
  readonly tap?: Readonly<Record<string, { readonly concurrent: number }>>
  readonly [field: string]: unknown
}

/**
 * User information to seed the mock with: a raw reply as Gafaelfawr sends it (only `username`
 * required, absent fields take the server's defaults) or a parsed `GafaelfawrUserInfo`
 * (its `null`s and `[]`s count as absent).
 */
export interface MockUser {
  readonly username: string
  readonly name?: string | null
  readonly email?: string | null
  readonly uid?: number | null
  readonly gid?: number | null
  readonly groups?: readonly MockGroup[]
  readonly quota?: MockQuota | null
  readonly [field: string]: unknown
}

/** The names of the personas in `mockUsers`. */
export type MockPersonaName =
  | 'complete'
  | 'usernameOnly'
  | 'noNameEmail'
  | 'noUidGid'
  | 'github'
  | 'bot'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

/**
 * Users as real deployments describe them, each the raw body Gafaelfawr sends for it (null
 * fields omitted, groups sorted by name). Frozen: copy one to change it.
 *
 * - `complete`: every field, groups, and notebook, TAP, API and disk quotas.
 * - `usernameOnly`: what `/users/{name}` answers for a user unknown to LDAP: the name alone.
 * - `noNameEmail`: no name and no email, as for most users of many deployments.
 * - `noUidGid`: no UID and no GID (no Firestore allocation, no LDAP numbers).
 * - `github`: a GitHub-login deployment: UID = GID (the user's private group), no email.
 * - `bot`: a bot (service) user, as mobu uses: UID and GID, no name or email.
 *
 * @example
 * ```ts
 * const mock = new MockGafaelfawr()
 * mock.setUserInfo(mockUsers.complete.username, mockUsers.complete)
 * ```
 */
export const mockUsers: Readonly<Record<MockPersonaName, MockUser>> = deepFreeze({
  complete: {
    username: 'rachel',
    name: 'Rachel Example',
    email: 'rachel@example.com',
    uid: 3000123,
    gid: 3000123,
    groups: [
      { name: 'g_science', id: 2000010 },
      { name: 'g_users', id: 2000001 },
      { name: 'rachel', id: 3000123 },
    ],
    quota: {
      api: { datalinker: 1000, 'vo-cutouts': 10 },
      disk: { '/home': 42949672960 },
      notebook: { cpu: 4, memory: 16, spawn: true },
      tap: { qserv: { concurrent: 5 }, ssotap: { concurrent: 2 } },
    },
  },
  usernameOnly: { username: 'unknown-user' },
  noNameEmail: {
    username: 'anonymous42',
    uid: 3000142,
    gid: 3000142,
    groups: [{ name: 'g_users', id: 2000001 }],
  },
  noUidGid: {
    username: 'no-ids',
    name: 'Ida Nobody',
    email: 'no-ids@example.com',
    groups: [{ name: 'g_users', id: 2000001 }],
  },
  github: {
    username: 'octo-cat',
    name: 'Octo Cat',
    uid: 583231,
    gid: 583231,
    groups: [
      { name: 'lsst-sqre-friends', id: 1234567 },
      { name: 'lsst-sqre-square', id: 2345678 },
    ],
  },
  bot: {
    username: 'bot-mobu-user',
    uid: 100001,
    gid: 100001,
  },
})
