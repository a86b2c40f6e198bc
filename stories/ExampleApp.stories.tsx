import type { Meta, StoryObj } from '@storybook/react-vite'
import { type FormEvent, type ReactNode, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  RequireUserFields,
  UserField,
  useClearGafaelfawrCache,
  useUserInfo,
  useUserInfoByName,
} from '../src/index'
import { type MockGafaelfawr, mockUsers } from '../src/testing/index'
import { READ_TIMEOUT } from './support/expectations'
import { logInAs, mockOf, requestsTo, withMockGafaelfawr } from './support/mockGafaelfawr'
import { ErrorNotice } from './support/UserDetails'

/** Finds another user by name (the session needs `admin:userinfo` for anyone but itself). */
function FindUser(): ReactNode {
  const [draft, setDraft] = useState('')
  const [username, setUsername] = useState('')
  const { data: found, error, isFetching } = useUserInfoByName(username)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setUsername(draft.trim())
  }
  return (
    <section aria-label="User search">
      <form onSubmit={onSubmit}>
        <label>
          Find a user <input value={draft} onChange={(event) => setDraft(event.target.value)} />
        </label>{' '}
        <button type="submit">Find</button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {isFetching ? <p role="status">Looking up {username}…</p> : null}
      {found ? (
        <p data-testid="found">
          {found.username}: <UserField field="name" user={found} />,{' '}
          <UserField field="email" user={found} />
        </p>
      ) : null}
    </section>
  )
}

/** The header: who is signed in (the name, else the username), and a refresh button. */
function Header(): ReactNode {
  const clearCache = useClearGafaelfawrCache()
  const { isFetching } = useUserInfo()
  return (
    <header aria-busy={isFetching}>
      Signed in as{' '}
      <strong>
        <UserField field="name" fallback={<UserField field="username" />} />
      </strong>{' '}
      <button type="button" onClick={() => clearCache()}>
        Refresh
      </button>
    </header>
  )
}

/** The demo component of these stories; what it shows is described on `meta`. */
function ExampleApp(): ReactNode {
  return (
    <main>
      <Header />
      <section aria-label="Profile">
        <dl>
          <dt>Email</dt>
          <dd>
            <UserField field="email" />
          </dd>
          <dt>Groups</dt>
          <dd>
            <UserField field="groups" className="groups" />
          </dd>
        </dl>
      </section>
      <section aria-label="Notebook">
        <RequireUserFields fields={['uid', 'gid']}>
          {(user) => (
            <button type="button">
              Start a notebook (UID {user.uid}, GID {user.gid})
            </button>
          )}
        </RequireUserFields>
      </section>
      <FindUser />
    </main>
  )
}

/**
 * A small application put together from the library: `<GafaelfawrProvider>` (given by the
 * story, pointed at `/repertoire`), a header with `<UserField>` and `useClearGafaelfawrCache()`,
 * a profile of `<UserField>`s, a notebook launcher behind `<RequireUserFields>`, and a user
 * search with `useUserInfoByName()`.
 */
const meta = {
  title: 'Example app',
  component: ExampleApp,
  parameters: { docs: { story: { height: '320px' } } },
} satisfies Meta<typeof ExampleApp>
export default meta
type Story = StoryObj<typeof meta>

/** Every persona in the directory; `user` signed in with the admin scope. */
function signInAsAdmin(mock: MockGafaelfawr, user = mockUsers.complete): void {
  for (const persona of Object.values(mockUsers)) mock.setUserInfo(persona.username, persona)
  logInAs(mock, user)
  mock.setSessionUser(user.username, { scopes: ['admin:userinfo'] })
}

/** Sign-in, profile, notebook, a search, then a refresh that picks up a new group. */
export const CompleteUser: Story = {
  ...withMockGafaelfawr((mock) => signInAsAdmin(mock)),
  async play({ canvasElement, loaded }) {
    const canvas = within(canvasElement)
    const { mock } = mockOf(loaded)
    await canvas.findByText('Rachel Example', {}, { timeout: READ_TIMEOUT })
    await expect(canvas.getByText('rachel@example.com')).toBeInTheDocument()
    await expect(
      canvas.getByRole('button', { name: 'Start a notebook (UID 3000123, GID 3000123)' }),
    ).toBeEnabled()

    await userEvent.type(canvas.getByLabelText('Find a user'), 'octo-cat')
    await userEvent.click(canvas.getByRole('button', { name: 'Find' }))
    const found = await canvas.findByTestId('found', {}, { timeout: READ_TIMEOUT })
    await expect(found).toHaveTextContent(
      'octo-cat: Octo Cat, Email address not provided by this deployment',
    )

    mock.setUserInfo('rachel', {
      ...mockUsers.complete,
      groups: [{ name: 'g_admins', id: 2000002 }, ...(mockUsers.complete.groups ?? [])],
    })
    // Cached for 5 minutes: the change on the server does not show until the refresh.
    const groups = () => canvasElement.querySelector('.groups')
    await expect(groups()).toHaveTextContent('g_science, g_users, rachel')
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh' }))
    await waitFor(
      () => expect(groups()).toHaveTextContent('g_admins, g_science, g_users, rachel'),
      {
        timeout: READ_TIMEOUT,
      },
    )
    await expect(requestsTo(mock, '/user-info')).toBe(2)
  },
}

/** No UID or GID: the notebook launcher says what is missing; the rest works. */
export const UserWithoutUidGid: Story = {
  ...withMockGafaelfawr((mock) => signInAsAdmin(mock, mockUsers.noUidGid)),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await canvas.findByText('Ida Nobody', {}, { timeout: READ_TIMEOUT })
    const notebook = within(canvas.getByRole('region', { name: 'Notebook' }))
    await expect(notebook.getByRole('alert')).toHaveTextContent('numeric user ID (UID)')
    await expect(notebook.queryByRole('button')).toBeNull()
  },
}

/** A GitHub deployment: no email, no LDAP, so the search answers 404. */
export const GitHubDeployment: Story = {
  ...withMockGafaelfawr((mock) => {
    signInAsAdmin(mock, mockUsers.github)
    mock.setLdapConfigured(false)
  }),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await canvas.findByText('Octo Cat', {}, { timeout: READ_TIMEOUT })
    await expect(canvas.getByText('Email address not provided by this deployment')).toBeVisible()
    await userEvent.type(canvas.getByLabelText('Find a user'), 'rachel')
    await userEvent.click(canvas.getByRole('button', { name: 'Find' }))
    const search = within(canvas.getByRole('region', { name: 'User search' }))
    const alert = await search.findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveTextContent('GafaelfawrNotFoundError (HTTP 404)')
  },
}

/** Nobody signed in: each component says so. */
export const SignedOut: Story = {
  ...withMockGafaelfawr(),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await canvas.findAllByRole('alert', {}, { timeout: READ_TIMEOUT })
    const alerts = canvas.getAllByRole('alert')
    await expect(alerts.length).toBe(4)
    for (const alert of alerts) await expect(alert).toHaveTextContent('You are not logged in')
  },
}
