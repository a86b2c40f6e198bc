/**
 * The query keys of the library, hierarchical so that a prefix selects a whole cache. The
 * credential part is an opaque identity (`'session'`, or a per-client id of a token), never
 * the token itself.
 */
export const gafaelfawrKeys = {
  all: ['gafaelfawr'] as const,
  userInfo: () => [...gafaelfawrKeys.all, 'user-info'] as const,
  userInfoFor: (credential: string) => [...gafaelfawrKeys.userInfo(), credential] as const,
  users: () => [...gafaelfawrKeys.all, 'users'] as const,
  usersFor: (credential: string) => [...gafaelfawrKeys.users(), credential] as const,
  userByName: (credential: string, username: string) =>
    [...gafaelfawrKeys.usersFor(credential), username] as const,
}

export type GafaelfawrUserInfoKey = ReturnType<typeof gafaelfawrKeys.userInfoFor>
export type GafaelfawrUserByNameKey = ReturnType<typeof gafaelfawrKeys.userByName>
