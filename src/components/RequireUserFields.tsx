import type { ReactNode } from 'react'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import {
  missingUserFields,
  type OptionalUserField,
  type UserWithFields,
} from '../client/userFields'
import { CurrentUser } from './internal/CurrentUser'
import { pick } from './internal/pick'
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
   * Shown when the current user cannot be read. Defaults to an alert with a plain sentence,
   * the error's class in `data-error` and its message in `title`.
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
 * loads (by default a `<div class="gafaelfawr-loading" role="status" aria-busy="true">`),
 * `error` if the read fails (by default a `<div class="gafaelfawr-error" role="alert">` with
 * the error's class in `data-error`). It adds no element around the children.
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
export function RequireUserFields<F extends OptionalUserField>({
  fields,
  user,
  token,
  children,
  fallback,
  loading,
  error,
}: RequireUserFieldsProps<F>): ReactNode {
  return (
    <CurrentUser
      user={user}
      token={token}
      loading={pick(
        loading,
        <div className="gafaelfawr-loading" role="status" aria-busy="true">
          Loading user information…
        </div>,
      )}
      error={error}
      as="div"
    >
      {(checked) => {
        const missing = missingUserFields(checked, fields) as F[]
        return missing.length
          ? pick(
              fallback,
              <MissingUserFields missing={missing} username={checked.username} />,
              missing,
              checked,
            )
          : children(checked as UserWithFields<F>)
      }}
    </CurrentUser>
  )
}
