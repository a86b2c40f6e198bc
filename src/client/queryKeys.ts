/**
 * The query keys of the library, hierarchical so that a prefix selects a whole cache. The
 * credential part is an opaque identity (`'session'`, or a per-client id of a token), never
 * the token itself.
 */
export const gafaelfawrKeys = {
  all: ['gafaelfawr'] as const,
  userInfo: () => ['gafaelfawr', 'user-info'] as const,
  userInfoFor: (credential: string) => ['gafaelfawr', 'user-info', credential] as const,
  users: () => ['gafaelfawr', 'users'] as const,
  usersFor: (credential: string) => ['gafaelfawr', 'users', credential] as const,
  userByName: (credential: string, username: string) =>
    ['gafaelfawr', 'users', credential, username] as const,
}

export type GafaelfawrUserInfoKey = ReturnType<typeof gafaelfawrKeys.userInfoFor>
export type GafaelfawrUserByNameKey = ReturnType<typeof gafaelfawrKeys.userByName>
