import type { ReactNode } from 'react'
import { describeError } from './describeError'

/** Props of the components' default error message. */
export interface ErrorMessageProps {
  /** What the read failed with. */
  error: unknown
  /** The token the read sent, redacted from the text if the message ever held it. */
  token?: string | undefined
  /** `span` inside a line of text (UserField), `div` for a block (RequireUserFields). */
  as: 'span' | 'div'
}

/**
 * The default error of the components: `role="alert"`, a plain sentence, then the error's
 * class and message (never a token) for whoever reports the problem.
 *
 * @param props - `error`, `token` and the element to render.
 * @returns The alert.
 */
export function ErrorMessage({ error, token, as: Tag }: ErrorMessageProps): ReactNode {
  const { summary, detail } = describeError(error, token)
  const name = error instanceof Error ? error.name : 'Error'
  return (
    <Tag role="alert" className="gafaelfawr-error" data-error={name}>
      <span className="gafaelfawr-error-summary">{summary}</span>{' '}
      <span className="gafaelfawr-error-detail">({detail})</span>
    </Tag>
  )
}
