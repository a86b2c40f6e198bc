import type { ReactNode } from 'react'
import type { GafaelfawrQueryError } from '../../client/errors/GafaelfawrQueryError'
import type { GafaelfawrWebError } from '../../client/errors/GafaelfawrWebError'
import type { GafaelfawrUserInfo } from '../../client/schemas/UserInfoSchema'
import { useUserInfo } from '../../react/useUserInfo'
import { pick } from './pick'

/** Props of `<CurrentUser>`. */
export interface CurrentUserProps {
  /** The user, when the caller has one; otherwise the current user is read. */
  user?: GafaelfawrUserInfo | undefined
  /** The token to read the current user with; defaults to the provider's, else the cookie. */
  token?: string | undefined
  /** Shown while the current user is loading. */
  loading: ReactNode
  /** The component's `error` prop: shown instead of the default alert when the read fails. */
  error: ReactNode | ((error: GafaelfawrQueryError) => ReactNode)
  /** The element of the default alert: `span` inside a line of text, `div` for a block. */
  as: 'span' | 'div'
  /** Wraps what the error state shows (UserField puts it in its field `<span>`). */
  wrap?: (content: ReactNode) => ReactNode
  /** Rendered with the user once known. */
  children: (user: GafaelfawrUserInfo) => ReactNode
}

/**
 * Renders its children with `user`, or else with the current user read by `useUserInfo()`,
 * showing `loading` until then, or `error` when the read fails. The default error is
 * `role="alert"` with a plain sentence; the error's class is in `data-error` and its message
 * (which never holds a token: the client sees to it) in `title`, for whoever reports it. Data
 * already shown stays shown when a background refetch fails.
 *
 * @param props - The user or token, the states, and the children.
 * @returns What the state calls for.
 * @throws {Error} without `user`, when there is no `<GafaelfawrProvider>` above it.
 */
export function CurrentUser(props: CurrentUserProps): ReactNode {
  return props.user ? props.children(props.user) : <Read {...props} />
}

// A component of its own, so that the hook runs only when there is no `user`.
function Read({
  token,
  loading,
  error,
  as: Tag,
  wrap = (content) => content,
  children,
}: CurrentUserProps): ReactNode {
  const { data, error: failure } = useUserInfo({ token })
  if (data) return children(data)
  if (!failure) return loading
  return wrap(
    pick(
      error,
      <Tag
        role="alert"
        className="gafaelfawr-error"
        data-error={failure.name}
        title={failure.message}
      >
        {(failure as GafaelfawrWebError).status === 401
          ? 'You are not logged in.'
          : 'User information could not be loaded.'}
      </Tag>,
      failure,
    ),
  )
}
