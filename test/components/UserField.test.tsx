// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { UserField } from '../../src/components/UserField'
import {
  GafaelfawrProvider,
  type GafaelfawrUserInfo,
  GafaelfawrWebError,
  UserInfoSchema,
} from '../../src/index'
import { MockGafaelfawrProvider } from '../../src/testing/MockGafaelfawrProvider'
import { type MockPersonaName, mockUsers } from '../../src/testing/mockUsers'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import someuser from '../fixtures/gafaelfawr/someuser.json'
import users from '../fixtures/gafaelfawr/users-list-firestore.json'
import { GAFAELFAWR_URL, server } from '../support/server'
import { renderStrict, TOKEN } from './support/render'

const full = UserInfoSchema.parse(someuser)
const bare = UserInfoSchema.parse({ username: 'unknown-user' })

function field(container: HTMLElement, name: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-field="${name}"]`)
  if (!element) throw new Error(`no field ${name}`)
  return element
}

describe('UserField', () => {
  it('shows each field of a given user, numbers plainly and groups by name', () => {
    const user = UserInfoSchema.parse(users[0])
    const { container } = renderStrict(
      <>
        <UserField field="username" user={user} />
        <UserField field="name" user={user} />
        <UserField field="email" user={user} />
        <UserField field="uid" user={user} />
        <UserField field="gid" user={user} />
        <UserField field="groups" user={user} />
      </>,
    )
    const text = (name: string) => field(container, name).textContent
    expect(text('username')).toBe('99digits99')
    expect(text('name')).toBe('LDAP User')
    expect(text('email')).toBe('ldap-user@example.com')
    expect(text('uid')).toBe('3000000')
    expect(text('gid')).toBe('3000000')
    expect(text('groups')).toBe('99digits99, foo, group-1, group-2')
    for (const element of container.querySelectorAll('[data-field]')) {
      expect(element.getAttribute('data-state')).toBe('value')
      expect(element.className).toBe('gafaelfawr-user-field')
    }
  })

  it('says, naming the field, that the deployment does not provide an empty one', () => {
    const { container } = renderStrict(
      <>
        <UserField field="username" user={bare} />
        <UserField field="name" user={bare} />
        <UserField field="email" user={bare} />
        <UserField field="uid" user={bare} />
        <UserField field="gid" user={bare} />
        <UserField field="groups" user={bare} />
      </>,
    )
    expect(field(container, 'username').textContent).toBe('unknown-user')
    expect(field(container, 'name').textContent).toBe('Full name not provided by this deployment')
    expect(field(container, 'email').textContent).toBe(
      'Email address not provided by this deployment',
    )
    expect(field(container, 'uid').textContent).toBe(
      'Numeric user ID (UID) not provided by this deployment',
    )
    expect(field(container, 'gid').textContent).toBe(
      'Primary group ID (GID) not provided by this deployment',
    )
    expect(field(container, 'groups').textContent).toBe('Groups not provided by this deployment')
    for (const name of ['name', 'email', 'uid', 'gid', 'groups']) {
      expect(field(container, name).getAttribute('data-state')).toBe('missing')
    }
  })

  it('shows only the fields a partly filled user lacks as missing', () => {
    // otheruser has no email and no quota; some-user (non-ASCII name) has no email either.
    const some = UserInfoSchema.parse(users[2])
    const { container } = renderStrict(
      <>
        <span data-user="other">
          <UserField field="email" user={UserInfoSchema.parse(otheruser)} />
          <UserField field="uid" user={UserInfoSchema.parse(otheruser)} />
        </span>
        <span data-user="some">
          <UserField field="name" user={some} />
          <UserField field="email" user={some} />
        </span>
      </>,
    )
    const other = container.querySelector<HTMLElement>('[data-user="other"]') as HTMLElement
    const someSpan = container.querySelector<HTMLElement>('[data-user="some"]') as HTMLElement
    expect(field(other, 'email').getAttribute('data-state')).toBe('missing')
    expect(field(other, 'uid').textContent).toBe('2001')
    expect(field(someSpan, 'name').textContent).toBe('名字')
    expect(field(someSpan, 'email').getAttribute('data-state')).toBe('missing')
  })

  const personas: Record<MockPersonaName, string[]> = {
    complete: [],
    usernameOnly: ['name', 'email', 'uid', 'gid', 'groups'],
    noNameEmail: ['name', 'email'],
    noUidGid: ['uid', 'gid'],
    github: ['email'],
    bot: ['name', 'email', 'groups'],
  }

  for (const [persona, missing] of Object.entries(personas)) {
    it(`shows the fallback exactly for the fields the ${persona} persona lacks`, () => {
      const user = mockUsers[persona as MockPersonaName]
      const { container } = renderStrict(
        <MockGafaelfawrProvider user={user}>
          {(['username', 'name', 'email', 'uid', 'gid', 'groups'] as const).map((name) => (
            <UserField key={name} field={name} />
          ))}
        </MockGafaelfawrProvider>,
      )
      const shownMissing = [...container.querySelectorAll('[data-state="missing"]')].map(
        (element) => element.getAttribute('data-field'),
      )
      expect(shownMissing).toEqual(missing)
      expect(field(container, 'username').textContent).toBe(user.username)
      for (const name of missing) {
        expect(field(container, name).textContent).toMatch(/by this deployment$/)
      }
    })
  }

  it('shows a custom fallback: an element, nothing, or what a function returns', () => {
    const { container } = renderStrict(
      <>
        <UserField field="email" user={bare} fallback={<em>none on file</em>} />
        <UserField field="name" user={bare} fallback={null} />
        <UserField
          field="uid"
          user={bare}
          fallback={(name: string, user: GafaelfawrUserInfo) => `${user.username} has no ${name}`}
        />
      </>,
    )
    expect(field(container, 'email').innerHTML).toBe('<em>none on file</em>')
    expect(field(container, 'name').textContent).toBe('')
    expect(field(container, 'name').getAttribute('data-state')).toBe('missing')
    expect(field(container, 'uid').textContent).toBe('unknown-user has no uid')
  })

  it('renders a value through its children and adds a class name', () => {
    renderStrict(
      <UserField field="email" user={full} className="contact">
        {(email, user) => <a href={`mailto:${email}`}>{user.name}</a>}
      </UserField>,
    )
    const link = screen.getByRole('link', { name: 'Some User' })
    expect(link.getAttribute('href')).toBe('mailto:someuser@example.com')
    expect(link.parentElement?.className).toBe('gafaelfawr-user-field contact')
  })

  it('shows the current user from the provider on the first render', () => {
    const { container } = renderStrict(
      <MockGafaelfawrProvider user={someuser}>
        <UserField field="uid" />
        <UserField field="email" />
      </MockGafaelfawrProvider>,
    )
    expect(field(container, 'uid').textContent).toBe('2000')
    expect(field(container, 'email').textContent).toBe('someuser@example.com')
  })

  it('shows the fallback for a field the current user lacks', () => {
    const { container } = renderStrict(
      <MockGafaelfawrProvider user={otheruser}>
        <UserField field="email" fallback="no email" />
      </MockGafaelfawrProvider>,
    )
    expect(field(container, 'email').textContent).toBe('no email')
    expect(field(container, 'email').getAttribute('data-state')).toBe('missing')
  })

  it('marks itself busy while the current user loads', () => {
    const { container } = renderStrict(
      <MockGafaelfawrProvider state="loading">
        <UserField field="name" />
        <UserField field="uid" loading={<i>…</i>} />
      </MockGafaelfawrProvider>,
    )
    const name = field(container, 'name')
    expect(name.getAttribute('aria-busy')).toBe('true')
    expect(name.getAttribute('data-state')).toBe('loading')
    expect(name.textContent).toBe('Loading…')
    expect(field(container, 'uid').innerHTML).toBe('<i>…</i>')
    expect(field(container, 'uid').getAttribute('aria-busy')).toBe('true')
  })

  it('shows an alert naming the error class when the current user cannot be read', async () => {
    const { container } = renderStrict(
      <MockGafaelfawrProvider state={{ error: 'GafaelfawrUnauthorizedError' }}>
        <UserField field="name" />
      </MockGafaelfawrProvider>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert.tagName).toBe('SPAN')
    expect(alert.className).toBe('gafaelfawr-error')
    expect(alert.textContent).toBe('You are not logged in.')
    expect(alert.getAttribute('data-error')).toBe('GafaelfawrUnauthorizedError')
    expect(alert.title).toMatch(/^GET .* failed with 401: Authentication required/)
    expect(field(container, 'name').getAttribute('data-state')).toBe('error')
    expect(field(container, 'name').hasAttribute('aria-busy')).toBe(false)
  })

  it('says in a plain sentence that other errors stopped the read, and names their class', async () => {
    const cases = [
      'GafaelfawrForbiddenError',
      'GafaelfawrNotFoundError',
      'GafaelfawrWebError',
      'GafaelfawrValidationError',
      'GafaelfawrDiscoveryError',
    ] as const
    renderStrict(
      <div>
        {cases.map((name) => (
          <MockGafaelfawrProvider key={name} state={{ error: name }}>
            <UserField field="name" />
          </MockGafaelfawrProvider>
        ))}
      </div>,
    )
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(cases.length), {
      timeout: 3000,
    })
    const shown = screen.getAllByRole('alert').map((alert) => alert.getAttribute('data-error'))
    expect(shown.sort()).toEqual([...cases].sort())
    for (const alert of screen.getAllByRole('alert')) {
      expect(alert.textContent).toBe('User information could not be loaded.')
      expect(alert.title).not.toBe('')
    }
  })

  it('renders a custom error element, or what an error function returns', async () => {
    renderStrict(
      <MockGafaelfawrProvider state={{ error: 'GafaelfawrForbiddenError' }}>
        <UserField field="name" error={<b>no access</b>} />
        <UserField
          field="email"
          error={(error) => `failed with ${error instanceof GafaelfawrWebError && error.status}`}
        />
      </MockGafaelfawrProvider>,
    )
    expect(await screen.findByText('no access')).toBeTruthy()
    expect(await screen.findByText('failed with 403')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('goes from loading to the value with the real provider over HTTP', async () => {
    server.use(http.get(`${GAFAELFAWR_URL}/user-info`, () => HttpResponse.json(someuser)))
    const { container } = renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <UserField field="name" />
      </GafaelfawrProvider>,
    )
    expect(field(container, 'name').getAttribute('aria-busy')).toBe('true')
    await waitFor(() => expect(field(container, 'name').textContent).toBe('Some User'))
    expect(field(container, 'name').hasAttribute('aria-busy')).toBe(false)
  })

  it('names a validation error when the token cannot be sent, and sends nothing', async () => {
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <UserField field="name" token="not a token" />
      </GafaelfawrProvider>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert.getAttribute('data-error')).toBe('GafaelfawrValidationError')
    expect(alert.title).toContain('Invalid token')
    expect(document.body.innerHTML).not.toContain('not a token')
  })

  it('never shows the token, even when the server echoes it in its error', async () => {
    server.use(
      http.get(`${GAFAELFAWR_URL}/user-info`, ({ request }) =>
        HttpResponse.json(
          { detail: [{ msg: `Token ${request.headers.get('authorization')} is not valid` }] },
          { status: 401 },
        ),
      ),
    )
    renderStrict(
      <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
        <UserField field="name" token={TOKEN} />
      </GafaelfawrProvider>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert.getAttribute('data-error')).toBe('GafaelfawrUnauthorizedError')
    // The server's words reach the message (in `title`), the token does not.
    expect(alert.title).toContain('is not valid')
    expect(document.body.innerHTML).not.toContain(TOKEN)
    expect(document.body.innerHTML).not.toContain(TOKEN.slice(3, 25))
  })
})
