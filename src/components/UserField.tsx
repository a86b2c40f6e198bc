import type { ReactNode } from 'react'
import type { GafaelfawrQueryError } from '../client/errors/GafaelfawrQueryError'
import type { GafaelfawrUserInfo } from '../client/schemas/UserInfoSchema'
import { CurrentUser } from './internal/CurrentUser'
import { ErrorMessage } from './internal/ErrorMessage'
import { capitalise, fieldLabel } from './internal/fieldLabels'

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
   * Shown when the current user cannot be read. Defaults to an alert with a plain sentence and
   * the error's class and message.
   */
  error?: ReactNode | ((error: GafaelfawrQueryError) => ReactNode)
  /** Renders a value that is there, as text by default: `(value, user) => <a href=…>`. */
  children?: ((value: string, user: GafaelfawrUserInfo) => ReactNode) | undefined
  /** Added to the `gafaelfawr-user-field` class of the outer `<span>`. */
  className?: string | undefined
}

type FieldState = 'value' | 'missing' | 'loading' | 'error'

/**
 * The text of one field of `user`, or null when the deployment left it empty. Numbers are
 * written plainly (`2000`, not `2,000`); groups are their names joined with commas.
 */
function formatField(user: GafaelfawrUserInfo, field: UserFieldName): string | null {
  switch (field) {
    case 'username':
      return user.username
    case 'name':
    case 'email':
      return user[field] ?? null
    case 'uid':
    case 'gid': {
      const value = user[field]
      return value === null || value === undefined ? null : String(value)
    }
    case 'groups':
      return user.groups.length === 0 ? null : user.groups.map((group) => group.name).join(', ')
  }
}

/**
 * The default fallback: a sentence that names the field, so that it makes sense to everyone,
 * whether they see the label beside it or hear it read out alone.
 */
function defaultFallback(field: UserFieldName): string {
  if (field === 'groups') return 'No groups listed by this deployment'
  return `${capitalise(fieldLabel(field))} not provided by this deployment`
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
export function UserField(props: UserFieldProps): ReactNode {
  const { user, token } = props
  if (user !== undefined) return <UserFieldValue {...props} user={user} />
  return (
    <CurrentUser
      token={token}
      loading={() => (
        <FieldSpan props={props} state="loading">
          {props.loading !== undefined ? props.loading : 'Loading…'}
        </FieldSpan>
      )}
      error={(error) => (
        <FieldSpan props={props} state="error">
          {props.error === undefined ? (
            <ErrorMessage error={error} token={token} as="span" />
          ) : typeof props.error === 'function' ? (
            props.error(error)
          ) : (
            props.error
          )}
        </FieldSpan>
      )}
    >
      {(current) => <UserFieldValue {...props} user={current} />}
    </CurrentUser>
  )
}

function UserFieldValue(props: UserFieldProps & { user: GafaelfawrUserInfo }): ReactNode {
  const { field, user, fallback, children } = props
  const value = formatField(user, field)
  if (value === null) {
    return (
      <FieldSpan props={props} state="missing">
        {fallback === undefined
          ? defaultFallback(field)
          : typeof fallback === 'function'
            ? fallback(field, user)
            : fallback}
      </FieldSpan>
    )
  }
  return (
    <FieldSpan props={props} state="value">
      {children ? children(value, user) : value}
    </FieldSpan>
  )
}

function FieldSpan({
  props,
  state,
  children,
}: {
  props: UserFieldProps
  state: FieldState
  children: ReactNode
}): ReactNode {
  const className = props.className
    ? `gafaelfawr-user-field ${props.className}`
    : 'gafaelfawr-user-field'
  return (
    <span
      className={className}
      data-field={props.field}
      data-state={state}
      aria-busy={state === 'loading' ? true : undefined}
    >
      {children}
    </span>
  )
}
