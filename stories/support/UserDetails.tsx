import type { ReactNode } from 'react'
import { type GafaelfawrUserInfo, GafaelfawrWebError } from '../../src/index'

/** Says what an absent field means, rather than leaving a blank. */
const ABSENT = 'not provided'

/**
 * A user's information as a definition list, one `data-testid` per field, for the stories'
 * demo components. Absent fields read "not provided", no groups read "none".
 */
export function UserDetails({ user }: { user: GafaelfawrUserInfo }): ReactNode {
  const groups = user.groups.map((group) => group.name).join(', ')
  return (
    <dl aria-label={`User information of ${user.username}`}>
      <dt>Username</dt>
      <dd data-testid="username">{user.username}</dd>
      <dt>Name</dt>
      <dd data-testid="name">{user.name ?? ABSENT}</dd>
      <dt>Email</dt>
      <dd data-testid="email">{user.email ?? ABSENT}</dd>
      <dt>UID / GID</dt>
      <dd data-testid="ids">
        {user.uid ?? ABSENT} / {user.gid ?? ABSENT}
      </dd>
      <dt>Groups</dt>
      <dd data-testid="groups">{groups || 'none'}</dd>
    </dl>
  )
}

/** What `UserDetails` shows for `user`, field by field: the stories' expectations. */
export function expectedDetails(user: {
  username: string
  name?: string | null | undefined
  email?: string | null | undefined
  uid?: number | null | undefined
  gid?: number | null | undefined
  groups?: readonly { name: string }[] | undefined
}): Record<'username' | 'name' | 'email' | 'ids' | 'groups', string> {
  const groups = (user.groups ?? []).map((group) => group.name).join(', ')
  return {
    username: user.username,
    name: user.name ?? ABSENT,
    email: user.email ?? ABSENT,
    ids: `${user.uid ?? ABSENT} / ${user.gid ?? ABSENT}`,
    groups: groups || 'none',
  }
}

/** A failed read, as an application might show it: `role="alert"`, the class and status. */
export function ErrorNotice({ error }: { error: Error }): ReactNode {
  const status =
    error instanceof GafaelfawrWebError
      ? error.status === undefined
        ? 'no reply'
        : `HTTP ${error.status}`
      : undefined
  return (
    <div role="alert" data-error={error.name}>
      <strong>{error.name}</strong>
      {status ? ` (${status})` : ''}: {error.message}
    </div>
  )
}

/** The loading state of the demo components: `role="status"` with `aria-busy`. */
export function Loading({ children = 'Loading user information…' }: { children?: ReactNode }) {
  return (
    <p role="status" aria-busy="true">
      {children}
    </p>
  )
}
