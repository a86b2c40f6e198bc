import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ReactNode } from 'react'
import { expect, within } from 'storybook/test'
import { RequireUserFields, UserField, useUserInfoByName } from '../../src/index'
import {
  MockGafaelfawrProvider,
  type MockGafaelfawrProviderProps,
  mockUsers,
} from '../../src/testing/index'
import { READ_TIMEOUT } from '../support/expectations'
import { ErrorNotice } from '../support/UserDetails'

/** A colleague's name, looked up with `useUserInfoByName()`. */
function Colleague({ username }: { username: string }): ReactNode {
  const { data, error } = useUserInfoByName(username)
  if (error) return <ErrorNotice error={error} />
  return <span data-testid="colleague">{data ? (data.name ?? data.username) : '…'}</span>
}

/** A page of an application: the components and a hook, under whatever provider wraps it. */
function ProfilePage({ colleague }: { colleague?: string }): ReactNode {
  return (
    <article>
      <h2>
        <UserField field="name" fallback={<UserField field="username" />} />
      </h2>
      <p>
        Email: <UserField field="email" />
      </p>
      <RequireUserFields fields={['uid', 'gid']}>
        {(user) => <p>Notebooks run as UID {user.uid}</p>}
      </RequireUserFields>
      {colleague ? (
        <div>
          Colleague: <Colleague username={colleague} />
        </div>
      ) : null}
    </article>
  )
}

type Args = Omit<MockGafaelfawrProviderProps, 'children'> & { colleague?: string }

/**
 * `<MockGafaelfawrProvider>` from `gafaelfawr-react/testing`: a real provider and client whose
 * HTTP never leaves the page. Seed `user` and `users`, or force a `state`, and render the
 * application's own components under it: no MSW, no server. A seeded user is there on the
 * first render.
 */
const meta = {
  title: 'Testing/MockGafaelfawrProvider',
  component: MockGafaelfawrProvider,
  tags: ['autodocs'],
  render: ({ colleague, ...props }: Args) => (
    // The provider builds its client once: a new seed (from the controls) needs a new key.
    <MockGafaelfawrProvider key={JSON.stringify(props)} {...props}>
      <ProfilePage colleague={colleague} />
    </MockGafaelfawrProvider>
  ),
} satisfies Meta<Args>
export default meta
type Story = StoryObj<typeof meta>

/** The user is in the cache before the first render: no loading state at all. */
export const SeededUser: Story = {
  args: { user: mockUsers.complete },
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading')).toHaveTextContent('Rachel Example')
    await expect(canvas.getByText('rachel@example.com')).toBeInTheDocument()
    await expect(canvas.getByText('Notebooks run as UID 3000123')).toBeInTheDocument()
    await expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull()
  },
}

/** A persona without UID and GID: the page explains what is missing. */
export const MissingUidGid: Story = {
  args: { user: mockUsers.noUidGid },
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading')).toHaveTextContent('Ida Nobody')
    await expect(canvas.getByRole('alert')).toHaveAttribute('data-missing', 'uid gid')
  },
}

/** A bot has no name: the heading falls back to the username, and there is no email. */
export const BotWithoutName: Story = {
  args: { user: mockUsers.bot },
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading')).toHaveTextContent('bot-mobu-user')
    await expect(canvas.getByText('Email address not provided by this deployment')).toBeVisible()
  },
}

/** `users` answers lookups by name. */
export const UsersByName: Story = {
  args: {
    user: mockUsers.complete,
    users: { 'octo-cat': mockUsers.github },
    colleague: 'octo-cat',
  },
  async play({ canvasElement }) {
    await expect(within(canvasElement).getByTestId('colleague')).toHaveTextContent('Octo Cat')
  },
}

/** `ldap={false}`: a GitHub deployment, whose lookups by name answer 404. */
export const WithoutLdap: Story = {
  args: { user: mockUsers.github, ldap: false, colleague: 'rachel' },
  async play({ canvasElement }) {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveAttribute('data-error', 'GafaelfawrNotFoundError')
  },
}

/** `state="loading"`: every read stays pending, for as long as the story is open. */
export const ForcedLoading: Story = {
  args: { state: 'loading' },
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveAttribute('aria-busy', 'true')
    const fields = canvasElement.querySelectorAll('[data-state="loading"]')
    await expect(fields.length).toBe(2)
  },
}

/** A forced 401: every component shows the "not logged in" alert. */
export const ForcedUnauthorized: Story = {
  args: { state: { error: 'GafaelfawrUnauthorizedError' } },
  async play({ canvasElement }) {
    const alerts = await within(canvasElement).findAllByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alerts.length).toBe(3)
    for (const alert of alerts) {
      await expect(alert).toHaveAttribute('data-error', 'GafaelfawrUnauthorizedError')
    }
  },
}

/** A forced 403 on a lookup by name. */
export const ForcedForbidden: Story = {
  args: { state: { error: 'GafaelfawrForbiddenError' }, colleague: 'rachel' },
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    const colleague = await canvas.findByText('Colleague:', { exact: false })
    const lookup = await within(colleague).findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(lookup).toHaveTextContent('GafaelfawrForbiddenError (HTTP 403)')
    await expect(lookup).toHaveTextContent('Cannot get information for user rachel')
    const alerts = canvas.getAllByRole('alert')
    await expect(alerts.length).toBe(4)
    for (const alert of alerts) {
      await expect(alert).toHaveAttribute('data-error', 'GafaelfawrForbiddenError')
    }
  },
}
