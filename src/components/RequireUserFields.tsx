import type { ReactNode } from 'react'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import {
  hasUserFields,
  missingUserFields,
  type OptionalUserField,
  type UserWithFields,
} from '../client/userFields'
import { CurrentUser } from './internal/CurrentUser'
import { ErrorMessage } from './internal/ErrorMessage'
import { MissingUserFields } from './MissingUserFields'

/** Props of `<RequireUserFields>`. */
export interface RequireUserFieldsProps<F extends OptionalUserField> {
  /** The fields the children need: `name`, `email`, `uid`, `gid` or `quota`. */
  fields: readonly F[]
  /**
   * The user to check. Without it, the current user, read with `useUserInfo()` (which needs a
   * `<GafaelfawrProvider>`).
   */
  user?: GafaelfawrUserInfo | undefined
  /** The token to read the current user with; ignored when `user` is given. */
  token?: string | undefined
  /** Rendered with the user, whose `fields` are typed non-null, when they are all filled. */
  children: (user: UserWithFields<F>) => ReactNode
  /**
   * Shown when a field is empty. Defaults to `<MissingUserFields>`, an alert that says what is
   * missing and what to do. A function gets the missing fields (in the order of `fields`).
   */
  fallback?: ReactNode | ((missing: F[], user: GafaelfawrUserInfo) => ReactNode)
  /** Shown while the current user is loading. Defaults to a `role="status"` placeholder. */
  loading?: ReactNode
  /**
   * Shown when the current user cannot be read. Defaults to an alert with a plain sentence and
   * the error's class and message.
   */
  error?: ReactNode | ((error: GafaelfawrQueryError) => ReactNode)
}

/**
 * Renders its children only for a user who has every field in `fields`, and hands them that
 * user with those fields typed non-null (`user.uid` is a `number` inside). Otherwise it shows
 * `fallback`, by default `<MissingUserFields>`: deployments often leave name, email, uid, gid
 * or quota empty (spec §2), and a service that needs one should say so clearly.
 *
 * Without `user`, it checks the current user, read with `useUserInfo()`: `loading` while it
 * loads (by default a `role="status"` placeholder with `aria-busy="true"`), `error` if the read
 * fails (by default an alert naming the error). It adds no element around the children.
 *
 * @param props - `fields`, `children`, and optionally `user`, `token`, `fallback`, `loading`
 *   and `error`.
 * @returns The children, the fallback, or the loading or error state.
 * @throws {Error} without `user`, when there is no `<GafaelfawrProvider>` above it.
 * @example
 * ```tsx
 * import { RequireUserFields } from 'gafaelfawr-react'
 *
 * function Notebook() {
 *   return (
 *     <RequireUserFields fields={['uid', 'gid']}>
 *       {(user) => <Spawner uid={user.uid} gid={user.gid} />}
 *     </RequireUserFields>
 *   )
 * }
 * ```
 */
export function RequireUserFields<F extends OptionalUserField>(
  props: RequireUserFieldsProps<F>,
): ReactNode {
  const { user, token, loading, error } = props
  if (user !== undefined) return <Checked {...props} user={user} />
  return (
    <CurrentUser
      token={token}
      loading={() =>
        loading !== undefined ? (
          loading
        ) : (
          <div className="gafaelfawr-loading" role="status" aria-busy="true">
            Loading user information…
          </div>
        )
      }
      error={(failure) =>
        error === undefined ? (
          <ErrorMessage error={failure} token={token} as="div" />
        ) : typeof error === 'function' ? (
          error(failure)
        ) : (
          error
        )
      }
    >
      {(current) => <Checked {...props} user={current} />}
    </CurrentUser>
  )
}

function Checked<F extends OptionalUserField>(
  props: RequireUserFieldsProps<F> & { user: GafaelfawrUserInfo },
): ReactNode {
  const { fields, user, fallback, children } = props
  if (hasUserFields(user, fields)) return children(user)
  const missing = missingUserFields(user, fields) as F[]
  if (fallback === undefined)
    return <MissingUserFields missing={missing} username={user.username} />
  return typeof fallback === 'function' ? fallback(missing, user) : fallback
}
