import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { RequireUserFields, UserInfoSchema } from '../../src/index'
import { mockUsers } from '../../src/testing/index'
import { READ_TIMEOUT } from '../support/expectations'
import { logInAs, withMockGafaelfawr } from '../support/mockGafaelfawr'

const meta = {
  title: 'Components/RequireUserFields',
  component: RequireUserFields,
  tags: ['autodocs'],
  args: {
    fields: ['uid', 'gid'],
    children: (user) => (
      <p>
        Spawning a notebook as UID {String(user.uid)}, GID {String(user.gid)}
      </p>
    ),
  },
} satisfies Meta<typeof RequireUserFields>
export default meta
type Story = StoryObj<typeof meta>

/** The user has a UID and a GID: the children get them. */
export const FieldsPresent: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.complete)),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await canvas.findByText(
      'Spawning a notebook as UID 3000123, GID 3000123',
      {},
      {
        timeout: READ_TIMEOUT,
      },
    )
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** No UID or GID: the default fallback explains it in plain language. */
export const FieldsMissing: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.noUidGid)),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveAttribute('data-missing', 'uid gid')
    await expect(alert).toHaveTextContent(
      'This service needs information that this deployment does not provide for the account no-ids: numeric user ID (UID), primary group ID (GID).',
    )
    await expect(canvas.queryByText(/Spawning a notebook/)).toBeNull()
  },
}

/** A GitHub deployment has no email; a function fallback gets the missing fields. */
export const CustomFallback: Story = {
  args: {
    fields: ['email'],
    children: (user) => <p>Mail goes to {user.email}</p>,
    fallback: (missing, user) => (
      <p role="note">
        {user.username} has no {missing.join(', ')}: notifications are off.
      </p>
    ),
  },
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.github)),
  async play({ canvasElement }) {
    const note = await within(canvasElement).findByRole('note', {}, { timeout: READ_TIMEOUT })
    await expect(note).toHaveTextContent('octo-cat has no email: notifications are off.')
  },
}

/** Each answer takes 800 ms: a busy status first, then the children. */
export const Loading: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.setLatency(800)
  }),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    const status = await canvas.findByRole('status')
    await expect(status).toHaveAttribute('aria-busy', 'true')
    await expect(status).toHaveTextContent('Loading user information…')
    await canvas.findByText(/Spawning a notebook as UID 3000123/, {}, { timeout: READ_TIMEOUT })
    await expect(canvas.queryByRole('status')).toBeNull()
  },
}

/** 401: an alert instead of the children. */
export const NotLoggedIn: Story = {
  ...withMockGafaelfawr(),
  async play({ canvasElement }) {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveTextContent('You are not logged in')
    await expect(alert).toHaveAttribute('data-error', 'GafaelfawrUnauthorizedError')
  },
}

/** The connection drops: an alert after the client's retries. */
export const NetworkFailure: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.failOn(mockUsers.complete.username, ['user-info'], { kind: 'network' })
  }),
  async play({ canvasElement }) {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveAttribute('data-error', 'GafaelfawrWebError')
    await expect(alert).toHaveTextContent('User information could not be loaded.')
  },
}

/** Given a `user`, no provider and no request: the bot has a UID and a GID. */
export const GivenUser: Story = {
  args: { user: UserInfoSchema.parse(mockUsers.bot) },
  async play({ canvasElement }) {
    await expect(
      within(canvasElement).getByText('Spawning a notebook as UID 100001, GID 100001'),
    ).toBeInTheDocument()
  },
}
