/**
 * The query keys of the library, hierarchical so that a prefix selects a whole cache. The
 * credential part is an opaque identity (`'session'`, or a per-client id of a token), never
 * the token itself.
 */
export const gafaelfawrKeys = {
  /** Every key of the library. */
  all: ['gafaelfawr'] as const,
  /** Every entry of `userInfoCache`. */
  userInfo: () => ['gafaelfawr', 'user-info'] as const,
  /** The current user as seen with one credential. */
  userInfoFor: (credential: string) => ['gafaelfawr', 'user-info', credential] as const,
  /** Every entry of `usernameCache`. */
  users: () => ['gafaelfawr', 'users'] as const,
  /** Every user looked up by name with one credential. */
  usersFor: (credential: string) => ['gafaelfawr', 'users', credential] as const,
  /** One user looked up by name with one credential. */
  userByName: (credential: string, username: string) =>
    ['gafaelfawr', 'users', credential, username] as const,
}

/** Key of a current-user entry: `['gafaelfawr', 'user-info', credential]`. */
export type GafaelfawrUserInfoKey = ReturnType<typeof gafaelfawrKeys.userInfoFor>
/** Key of a by-name entry: `['gafaelfawr', 'users', credential, username]`. */
export type GafaelfawrUserByNameKey = ReturnType<typeof gafaelfawrKeys.userByName>
