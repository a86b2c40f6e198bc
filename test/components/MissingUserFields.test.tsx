// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MissingUserFields } from '../../src/components/MissingUserFields'
import { GafaelfawrMissingFieldsError, requireUserFields, UserInfoSchema } from '../../src/index'
import { renderStrict } from './support/render'

describe('MissingUserFields', () => {
  it('explains one missing field in plain language, in an alert', () => {
    renderStrict(<MissingUserFields missing={['uid']} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain(
      'This service needs information that this deployment does not provide for your account: numeric user ID (UID).',
    )
    expect(alert.textContent).toContain('Please contact the administrators of this deployment.')
  })

  it('lists several missing fields in the order given', () => {
    renderStrict(<MissingUserFields missing={['gid', 'uid', 'email']} />)
    expect(screen.getByRole('alert').textContent).toContain(
      'for your account: primary group ID (GID), numeric user ID (UID), email address.',
    )
  })

  it('names the account when given a username', () => {
    renderStrict(<MissingUserFields missing={['name', 'quota']} username="someuser" />)
    const text = screen.getByRole('alert').textContent
    expect(text).toContain('for the account someuser: full name, quota.')
    expect(text).not.toContain('your account')
  })

  it('replaces the advice with its children', () => {
    renderStrict(
      <MissingUserFields missing={['email']}>
        Open a ticket at <a href="/help">the help desk</a>.
      </MissingUserFields>,
    )
    const alert = screen.getByRole('alert')
    expect(alert.textContent).not.toContain('contact the administrators')
    expect(alert.textContent).toContain('Open a ticket at the help desk.')
    expect(screen.getByRole('link', { name: 'the help desk' }).getAttribute('href')).toBe('/help')
  })

  it('renders nothing when nothing is missing', () => {
    const { container } = renderStrict(<MissingUserFields missing={[]} />)
    expect(container.innerHTML).toBe('')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('exposes the missing fields and the class names to style it by', () => {
    renderStrict(<MissingUserFields missing={['uid', 'gid']} className="warning" />)
    const alert = screen.getByRole('alert')
    expect(alert.className).toBe('gafaelfawr-missing-user-fields warning')
    expect(alert.getAttribute('data-missing')).toBe('uid gid')
    expect(alert.querySelector('.gafaelfawr-missing-user-fields-summary')).not.toBeNull()
    expect(alert.querySelector('.gafaelfawr-missing-user-fields-help')).not.toBeNull()
  })

  it('shows the fields of a GafaelfawrMissingFieldsError, naming an unknown field as it is', () => {
    const user = UserInfoSchema.parse({ username: 'ldap-user' })
    let caught: unknown
    try {
      requireUserFields(user, ['uid', 'gid'])
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(GafaelfawrMissingFieldsError)
    const error = caught as GafaelfawrMissingFieldsError
    renderStrict(
      <>
        <MissingUserFields missing={error.missing} username={error.username} />
        <MissingUserFields missing={['shoe_size']} />
      </>,
    )
    const [first, second] = screen.getAllByRole('alert')
    expect(first?.textContent).toContain(
      'the account ldap-user: numeric user ID (UID), primary group ID (GID).',
    )
    expect(second?.textContent).toContain('for your account: shoe_size.')
  })
})
