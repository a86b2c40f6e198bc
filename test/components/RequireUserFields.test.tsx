// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { RequireUserFields } from '../../src/components/RequireUserFields'
import {
  GafaelfawrProvider,
  type GafaelfawrQuota,
  type GafaelfawrUserInfo,
  UserInfoSchema,
} from '../../src/index'
import { MockGafaelfawrProvider } from '../../src/testing/MockGafaelfawrProvider'
import { type MockPersonaName, mockUsers } from '../../src/testing/mockUsers'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import fullQuota from '../fixtures/gafaelfawr/userinfo-full-quota.json'
import { GAFAELFAWR_URL, server } from '../support/server'
import { renderStrict } from './support/render'

const full = UserInfoSchema.parse(fullQuota)
const bare = UserInfoSchema.parse({ username: 'ldap-user' })

describe('RequireUserFields', () => {
  it('renders its children with a user who has every field, typed non-null', () => {
    renderStrict(
      <RequireUserFields fields={['uid', 'gid', 'quota']} user={full}>
        {(user) => {
          // Checked by tsc: the listed fields are no longer nullable inside the children.
          expectTypeOf(user.uid).toEqualTypeOf<number>()
          expectTypeOf(user.gid).toEqualTypeOf<number>()
          expectTypeOf(user.quota).toEqualTypeOf<GafaelfawrQuota>()
          expectTypeOf(user.email).toEqualTypeOf<string | null>()
          const spawnAs: number = user.uid + user.gid
          return (
            <p>
              {user.username} spawns as {spawnAs} with {user.quota.notebook?.cpu} CPUs
            </p>
          )
        }}
      </RequireUserFields>,
    )
    expect(screen.getByText('example spawns as 91225 with 8 CPUs')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('keeps unlisted fields nullable for the type checker', () => {
    renderStrict(
      <RequireUserFields fields={['email']} user={full}>
        {(user) => {
          // @ts-expect-error uid was not required, so it may be null
          const uid: number = user.uid
          expectTypeOf(user.email).toEqualTypeOf<string>()
          return <p>{`${user.email} ${uid}`}</p>
        }}
      </RequireUserFields>,
    )
    expect(screen.getByText('example@example.com 45613')).toBeTruthy()
  })

  it('explains what is missing in an alert by default, and hides the children', () => {
    renderStrict(
      <RequireUserFields fields={['uid', 'gid']} user={bare}>
        {() => <p>secret notebook</p>}
      </RequireUserFields>,
    )
    expect(screen.queryByText('secret notebook')).toBeNull()
    const alert = screen.getByRole('alert')
    expect(alert.getAttribute('data-missing')).toBe('uid gid')
    expect(alert.textContent).toContain(
      'This service needs information that this deployment does not provide for the account ldap-user: numeric user ID (UID), primary group ID (GID).',
    )
    expect(alert.textContent).toContain('contact the administrators of this deployment')
  })

  it('names only the fields the user lacks, in the order asked', () => {
    // otheruser has a uid and gid but no email and no quota.
    renderStrict(
      <RequireUserFields
        fields={['quota', 'uid', 'email', 'gid']}
        user={UserInfoSchema.parse(otheruser)}
      >
        {() => <p>content</p>}
      </RequireUserFields>,
    )
    expect(screen.getByRole('alert').getAttribute('data-missing')).toBe('quota email')
  })

  const personas: Record<MockPersonaName, string[]> = {
    complete: [],
    usernameOnly: ['name', 'email', 'uid', 'gid', 'quota'],
    noNameEmail: ['name', 'email', 'quota'],
    noUidGid: ['uid', 'gid', 'quota'],
    github: ['email', 'quota'],
    bot: ['name', 'email', 'quota'],
  }

  for (const [persona, missing] of Object.entries(personas)) {
    it(`lets the ${persona} persona through only when it has every field asked`, () => {
      const user = mockUsers[persona as MockPersonaName]
      renderStrict(
        <MockGafaelfawrProvider user={user}>
          <RequireUserFields fields={['name', 'email', 'uid', 'gid', 'quota']}>
            {(checked) => <p>{`welcome ${checked.name} ${checked.uid}`}</p>}
          </RequireUserFields>
        </MockGafaelfawrProvider>,
      )
      if (missing.length === 0) {
        expect(screen.getByText(`welcome ${user.name} ${user.uid}`)).toBeTruthy()
        expect(screen.queryByRole('alert')).toBeNull()
      } else {
        const alert = screen.getByRole('alert')
        expect(alert.getAttribute('data-missing')).toBe(missing.join(' '))
        expect(alert.textContent).toContain(`for the account ${user.username}:`)
        expect(screen.queryByText(/^welcome/)).toBeNull()
      }
    })
  }

  it('shows a custom fallback, or what a fallback function makes of the missing fields', () => {
    renderStrict(
      <>
        <RequireUserFields fields={['email']} user={bare} fallback={<p>no email, no alerts</p>}>
          {() => <p>content</p>}
        </RequireUserFields>
        <RequireUserFields
          fields={['name', 'uid']}
          user={bare}
          fallback={(missing: ('name' | 'uid')[], user: GafaelfawrUserInfo) => (
            <p>{`${user.username} lacks ${missing.join('+')}`}</p>
          )}
        >
          {() => <p>content</p>}
        </RequireUserFields>
      </>,
    )
    expect(screen.getByText('no email, no alerts')).toBeTruthy()
    expect(screen.getByText('ldap-user lacks name+uid')).toBeTruthy()
    expect(screen.queryByText('content')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('checks the current user from the provider, on the first render', () => {
    renderStrict(
      <MockGafaelfawrProvider user={someuser}>
        <RequireUserFields fields={['uid', 'email']}>
          {(user) => <p>{`${user.uid} ${user.email}`}</p>}
        </RequireUserFields>
        <RequireUserFields fields={['quota', 'name']}>{() => <p>quota</p>}</RequireUserFields>
      </MockGafaelfawrProvider>,
    )
    expect(screen.getByText('2000 someuser@example.com')).toBeTruthy()
    expect(screen.getByText('quota')).toBeTruthy()
  })

  it('shows a busy status while the current user loads, or the given loading element', () => {
    renderStrict(
      <MockGafaelfawrProvider state="loading">
        <RequireUserFields fields={['uid']}>{() => <p>content</p>}</RequireUserFields>
        <RequireUserFields fields={['uid']} loading={<p>please wait</p>}>
          {() => <p>content</p>}
        </RequireUserFields>
      </MockGafaelfawrProvider>,
    )
    const status = screen.getByRole('status')
    expect(status.getAttribute('aria-busy')).toBe('true')
    expect(status.textContent).toBe('Loading user information…')
    expect(screen.getByText('please wait')).toBeTruthy()
    expect(screen.queryByText('content')).toBeNull()
  })

  it('shows an alert naming the error when the current user cannot be read', async () => {
    renderStrict(
      <MockGafaelfawrProvider state={{ error: 'GafaelfawrNotFoundError' }}>
        <RequireUserFields fields={['uid']}>{() => <p>content</p>}</RequireUserFields>
      </MockGafaelfawrProvider>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert.tagName).toBe('DIV')
    expect(alert.getAttribute('data-error')).toBe('GafaelfawrNotFoundError')
    expect(alert.className).toBe('gafaelfawr-error')
    expect(alert.textContent).toBe('User information could not be loaded.')
    expect(alert.title).toContain(
      'GET https://gafaelfawr.mock.invalid/auth/api/v1/user-info failed with 404: No external user information source configured',
    )
    expect(screen.queryByText('content')).toBeNull()
  })

  it('renders a custom error element, or what an error function returns', async () => {
    renderStrict(
      <MockGafaelfawrProvider state={{ error: 'GafaelfawrValidationError' }}>
        <RequireUserFields fields={['uid']} error={<p>broken</p>}>
          {() => <p>content</p>}
        </RequireUserFields>
        <RequireUserFields fields={['uid']} error={(error) => <p>{`caught ${error.name}`}</p>}>
          {() => <p>content</p>}
        </RequireUserFields>
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('broken')).toBeTruthy()
    expect(await screen.findByText('caught GafaelfawrValidationError')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('goes from loading to the missing-fields alert with the real provider over HTTP', async () => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/user-info`, () => HttpResponse.json({ username: 'ldap-user' })),
    )
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <RequireUserFields fields={['gid']}>{() => <p>content</p>}</RequireUserFields>
      </GafaelfawrProvider>,
    )
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('true')
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'for the account ldap-user: primary group ID (GID).',
      ),
    )
    expect(screen.queryByRole('status')).toBeNull()
  })
})
