import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ReactNode } from 'react'
import { expect, within } from 'storybook/test'
import { UserField, type UserFieldName, UserInfoSchema } from '../../src/index'
import { type MockUser, mockUsers } from '../../src/testing/index'
import { READ_TIMEOUT } from '../support/expectations'
import { logInAs, withMockGafaelfawr } from '../support/mockGafaelfawr'

const FIELDS: readonly { field: UserFieldName; label: string }[] = [
  { field: 'username', label: 'Username' },
  { field: 'name', label: 'Name' },
  { field: 'email', label: 'Email' },
  { field: 'uid', label: 'UID' },
  { field: 'gid', label: 'GID' },
  { field: 'groups', label: 'Groups' },
]

/** Every field of the current user, one `<UserField>` each: one request for all of them. */
function AllFields(): ReactNode {
  return (
    <dl>
      {FIELDS.map(({ field, label }) => (
        <div key={field}>
          <dt>{label}</dt>
          <dd>
            <UserField field={field} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** What `<UserField>` should show for each field of `user`, and in which state. */
function expected(user: MockUser, field: UserFieldName): { state: string; text: string } {
  const fallbacks: Record<UserFieldName, string> = {
    username: '',
    name: 'Full name not provided by this deployment',
    email: 'Email address not provided by this deployment',
    uid: 'Numeric user ID (UID) not provided by this deployment',
    gid: 'Primary group ID (GID) not provided by this deployment',
    groups: 'Groups not provided by this deployment',
  }
  const raw =
    field === 'groups' ? (user.groups ?? []).map((group) => group.name).join(', ') : user[field]
  return raw === undefined || raw === null || raw === ''
    ? { state: 'missing', text: fallbacks[field] }
    : { state: 'value', text: String(raw) }
}

/** Waits for the fields to load, then checks each one's text and `data-state`. */
async function expectAllFields(canvasElement: HTMLElement, user: MockUser): Promise<void> {
  const canvas = within(canvasElement)
  await canvas.findByText(user.username, {}, { timeout: READ_TIMEOUT })
  for (const { field } of FIELDS) {
    const span = canvasElement.querySelector(`[data-field="${field}"]`)
    const want = expected(user, field)
    await expect(span).toHaveAttribute('data-state', want.state)
    await expect(span?.textContent).toBe(want.text)
  }
}

const meta = {
  title: 'Components/UserField',
  component: UserField,
  tags: ['autodocs'],
  args: { field: 'email' },
} satisfies Meta<typeof UserField>
export default meta
type Story = StoryObj<typeof meta>

/** The current user's email, read through the provider. */
export const Email: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.complete)),
  async play({ canvasElement }) {
    const value = await within(canvasElement).findByText(
      'rachel@example.com',
      {},
      {
        timeout: READ_TIMEOUT,
      },
    )
    await expect(value).toHaveAttribute('data-state', 'value')
  },
}

/** A GitHub deployment has no email: the fallback says so instead of leaving a blank. */
export const MissingEmail: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.github)),
  async play({ canvasElement }) {
    const fallback = await within(canvasElement).findByText(
      'Email address not provided by this deployment',
      {},
      { timeout: READ_TIMEOUT },
    )
    await expect(fallback).toHaveAttribute('data-state', 'missing')
  },
}

export const CompletePersona: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.complete)),
  render: () => <AllFields />,
  play: ({ canvasElement }) => expectAllFields(canvasElement, mockUsers.complete),
}

export const UsernameOnlyPersona: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.usernameOnly, false)),
  render: () => <AllFields />,
  play: ({ canvasElement }) => expectAllFields(canvasElement, mockUsers.usernameOnly),
}

export const NoNameEmailPersona: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.noNameEmail)),
  render: () => <AllFields />,
  play: ({ canvasElement }) => expectAllFields(canvasElement, mockUsers.noNameEmail),
}

export const NoUidGidPersona: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.noUidGid)),
  render: () => <AllFields />,
  play: ({ canvasElement }) => expectAllFields(canvasElement, mockUsers.noUidGid),
}

export const GitHubPersona: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.github)),
  render: () => <AllFields />,
  play: ({ canvasElement }) => expectAllFields(canvasElement, mockUsers.github),
}

export const BotPersona: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.bot)),
  render: () => <AllFields />,
  play: ({ canvasElement }) => expectAllFields(canvasElement, mockUsers.bot),
}

/** Each answer takes 800 ms: a busy placeholder first. */
export const Loading: Story = {
  args: { field: 'name' },
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.setLatency(800)
  }),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    const placeholder = await canvas.findByText('Loading…')
    await expect(placeholder).toHaveAttribute('aria-busy', 'true')
    await expect(placeholder).toHaveAttribute('data-state', 'loading')
    const name = await canvas.findByText('Rachel Example', {}, { timeout: READ_TIMEOUT })
    await expect(name).not.toHaveAttribute('aria-busy')
  },
}

/** 401: the default error is an alert that says what to do, then the error's class. */
export const NotLoggedIn: Story = {
  ...withMockGafaelfawr(),
  async play({ canvasElement }) {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveTextContent('You are not logged in')
    await expect(alert).toHaveAttribute('title', expect.stringContaining('failed with 401'))
    await expect(alert).toHaveAttribute('data-error', 'GafaelfawrUnauthorizedError')
  },
}

/** 500 after the client's retries. */
export const ServerError: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.failOn(mockUsers.complete.username, ['user-info'])
  }),
  async play({ canvasElement }) {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveAttribute('data-error', 'GafaelfawrWebError')
    await expect(alert).toHaveAttribute('title', expect.stringContaining('failed with 500'))
  },
}

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

export const MalformedReply: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.failOn(mockUsers.complete.username, ['user-info'], { kind: 'malformed' })
  }),
  async play({ canvasElement }) {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: READ_TIMEOUT })
    await expect(alert).toHaveTextContent('User information could not be loaded.')
    await expect(alert).toHaveAttribute('data-error', 'GafaelfawrValidationError')
  },
}

/** Given a `user`, it needs no provider and sends nothing: pure UI. */
export const GivenUser: Story = {
  args: { field: 'uid', user: UserInfoSchema.parse(mockUsers.bot) },
  async play({ canvasElement }) {
    await expect(within(canvasElement).getByText('100001')).toHaveAttribute('data-state', 'value')
  },
}

/** A render prop for the value and a custom fallback, for two users side by side. */
export const RenderPropAndFallback: Story = {
  render: () => (
    <ul>
      {[mockUsers.complete, mockUsers.github].map((persona) => (
        <li key={persona.username}>
          {persona.username}:{' '}
          <UserField field="email" user={UserInfoSchema.parse(persona)} fallback="None on file">
            {(email) => <a href={`mailto:${email}`}>{email}</a>}
          </UserField>
        </li>
      ))}
    </ul>
  ),
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('link', { name: 'rachel@example.com' })).toHaveAttribute(
      'href',
      'mailto:rachel@example.com',
    )
    await expect(canvas.getByText('None on file')).toHaveAttribute('data-state', 'missing')
  },
}
