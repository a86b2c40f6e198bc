import type { ReactNode } from 'react'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import { CurrentUser } from './internal/CurrentUser'
import { fieldLabel } from './internal/fieldLabels'
import { pick } from './internal/pick'

/** The fields `<UserField>` can show. Only `username` is always filled (spec §2). */
export type UserFieldName = 'username' | 'name' | 'email' | 'uid' | 'gid' | 'groups'

/** Props of `<UserField>`. */
export interface UserFieldProps {
  /** Which field to show. `groups` shows the group names, joined with commas. */
  field: UserFieldName
  /**
   * The user to show the field of. Without it, the current user, read with `useUserInfo()`
   * (which needs a `<GafaelfawrProvider>`).
   */
  user?: GafaelfawrUserInfo | undefined
  /** The token to read the current user with; ignored when `user` is given. */
  token?: string | undefined
  /**
   * Shown when the deployment leaves the field empty. Defaults to a sentence that names the
   * field, such as "Email address not provided by this deployment". `null` shows nothing.
   */
  fallback?: ReactNode | ((field: UserFieldName, user: GafaelfawrUserInfo) => ReactNode)
  /** Shown while the current user is loading. Defaults to "Loading…". */
  loading?: ReactNode
  /**
   * Shown when the current user cannot be read. Defaults to an alert with a plain sentence,
   * the error's class in `data-error` and its message in `title`.
   */
  error?: ReactNode | ((error: GafaelfawrQueryError) => ReactNode)
  /** Renders a value that is there, as text by default: `(value, user) => <a href=…>`. */
  children?: ((value: string, user: GafaelfawrUserInfo) => ReactNode) | undefined
  /** Added to the `gafaelfawr-user-field` class of the outer `<span>`. */
  className?: string | undefined
}

/**
 * One field of a user, for deployments that leave fields empty: name, email, uid and gid are
 * often null (spec §2), and the component shows a fallback on purpose instead of nothing.
 *
 * Without `user`, it shows the current user's field, read with `useUserInfo()`: a placeholder
 * with `aria-busy="true"` while loading, and an alert naming the error if the read fails. It
 * renders one unstyled `<span class="gafaelfawr-user-field">` with `data-field` and
 * `data-state` (`value`, `missing`, `loading` or `error`) to style it by.
 *
 * @param props - `field`, and optionally `user`, `token`, `fallback`, `loading`, `error`,
 *   `children` (a render prop for the value) and `className`.
 * @returns The field's `<span>`.
 * @throws {Error} without `user`, when there is no `<GafaelfawrProvider>` above it.
 * @example
 * ```tsx
 * import { UserField } from 'gafaelfawr-react'
 *
 * function Profile() {
 *   return (
 *     <dl>
 *       <dt>Email</dt>
 *       <dd>
 *         <UserField field="email" fallback="None on file">
 *           {(email) => <a href={`mailto:${email}`}>{email}</a>}
 *         </UserField>
 *       </dd>
 *       <dt>UID</dt>
 *       <dd><UserField field="uid" /></dd>
 *     </dl>
 *   )
 * }
 * ```
 */
export function UserField({
  field,
  user,
  token,
  fallback,
  loading,
  error,
  children,
  className,
}: UserFieldProps): ReactNode {
  const span = (state: string, content: ReactNode) => (
    <span
      className={`gafaelfawr-user-field ${className ?? ''}`.trim()}
      data-field={field}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      {content}
    </span>
  )
  return (
    <CurrentUser
      user={user}
      token={token}
      loading={span('loading', pick(loading, 'Loading…'))}
      error={error}
      as="span"
      wrap={(content) => span('error', content)}
    >
      {(shown) => {
        // Numbers are written plainly (`2000`, not `2,000`); groups by name, with commas.
        const value =
          field === 'groups'
            ? shown.groups.map((group) => group.name).join(', ') || null
            : shown[field]
        if (value == null) {
          const label = fieldLabel(field)
          return span(
            'missing',
            pick(
              fallback,
              `${label[0]?.toUpperCase()}${label.slice(1)} not provided by this deployment`,
              field,
              shown,
            ),
          )
        }
        return span('value', pick(children, String(value), String(value), shown))
      }}
    </CurrentUser>
  )
}
