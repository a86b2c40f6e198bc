import type { ReactNode } from 'react'
import type { OptionalUserField } from '../client/userFields'
import { fieldLabel } from './internal/fieldLabels'

/** Props of `<MissingUserFields>`. */
export interface MissingUserFieldsProps {
  /**
   * The fields the deployment does not provide, such as `['uid', 'gid']`: the `missing` of
   * `<RequireUserFields>`'s fallback or of a `GafaelfawrMissingFieldsError`.
   */
  missing: readonly (OptionalUserField | (string & {}))[]
  /** Whose account it is; without it the text says "your account". */
  username?: string | undefined
  /**
   * What the user can do, replacing the default advice to contact the administrators of the
   * deployment (for example, a link to the help desk).
   */
  children?: ReactNode
  /** Added to the `gafaelfawr-missing-user-fields` class of the alert. */
  className?: string | undefined
}

/**
 * A plain-language alert (`role="alert"`) that says which information about the user's account
 * this deployment does not provide, and what the user can do about it. It is the default
 * fallback of `<RequireUserFields>`; it renders nothing when nothing is missing.
 *
 * Unstyled: a `<div class="gafaelfawr-missing-user-fields">` with `data-missing` (the field
 * names, space separated) and two paragraphs, `gafaelfawr-missing-user-fields-summary` and
 * `gafaelfawr-missing-user-fields-help`.
 *
 * @param props - `missing`, and optionally `username`, `children` (the advice) and
 *   `className`.
 * @returns The alert, or null when `missing` is empty.
 * @example
 * ```tsx
 * import { GafaelfawrMissingFieldsError, MissingUserFields } from 'gafaelfawr-react'
 *
 * function SpawnError({ error }: { error: Error }) {
 *   if (!(error instanceof GafaelfawrMissingFieldsError)) return <p>{error.message}</p>
 *   return (
 *     <MissingUserFields missing={error.missing} username={error.username}>
 *       Please <a href="/help">open a help desk ticket</a>.
 *     </MissingUserFields>
 *   )
 * }
 * ```
 */
export function MissingUserFields({
  missing,
  username,
  children,
  className,
}: MissingUserFieldsProps): ReactNode {
  return missing.length ? (
    <div
      role="alert"
      className={`gafaelfawr-missing-user-fields ${className ?? ''}`.trim()}
      data-missing={missing.join(' ')}
    >
      <p className="gafaelfawr-missing-user-fields-summary">
        {`This service needs information that this deployment does not provide for ${username ? `the account ${username}` : 'your account'}: ${missing.map(fieldLabel).join(', ')}.`}
      </p>
      <p className="gafaelfawr-missing-user-fields-help">
        {children ?? 'Please contact the administrators of this deployment.'}
      </p>
    </div>
  ) : null
}
