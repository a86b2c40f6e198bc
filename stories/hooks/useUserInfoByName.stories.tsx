import type { Meta, StoryObj } from '@storybook/react-vite'
import { type FormEvent, type ReactNode, useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { useUserInfoByName } from '../../src/index'
import { type MockGafaelfawr, mockUsers } from '../../src/testing/index'
import { expectAlert, expectLoading, expectUserDetails } from '../support/expectations'
import { logInAs, mockOf, requestsTo, withMockGafaelfawr } from '../support/mockGafaelfawr'
import { ErrorNotice, Loading, UserDetails } from '../support/UserDetails'

/** Props of the demo component. */
interface UserLookupProps {
  /** The name already submitted when the story opens; empty to wait for the form. */
  username?: string
}

/** The demo component of these stories; what it shows is described on `meta`. */
function UserLookup({ username = '' }: UserLookupProps): ReactNode {
  const [draft, setDraft] = useState(username)
  const [submitted, setSubmitted] = useState(username)
  const { data: user, error, isPending, fetchStatus } = useUserInfoByName(submitted)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(draft.trim())
  }
  let result: ReactNode
  if (error) result = <ErrorNotice error={error} />
  else if (isPending && fetchStatus === 'idle') result = <p role="status">Type a username</p>
  else if (isPending) result = <Loading>Looking up {submitted}…</Loading>
  else result = <UserDetails user={user} />
  return (
    <section>
      <form onSubmit={onSubmit}>
        <label>
          Username <input value={draft} onChange={(event) => setDraft(event.target.value)} />
        </label>{' '}
        <button type="submit">Look up</button>
      </form>
      {result}
    </section>
  )
}

/**
 * Looks a user up by name with `useUserInfoByName()`, as an admin page would with a service
 * token holding `admin:userinfo` (given to the provider). Nothing is sent until a name is
 * submitted; a deployment without LDAP answers 404, a token without the scope 403.
 */
const meta = {
  title: 'Hooks/useUserInfoByName',
  component: UserLookup,
} satisfies Meta<typeof UserLookup>
export default meta
type Story = StoryObj<typeof meta>

const rachel = mockUsers.complete

/** Seeds the directory with every persona and hands the provider an admin token. */
function asAdmin(mock: MockGafaelfawr) {
  for (const user of Object.values(mockUsers)) mock.setUserInfo(user.username, user)
  return { token: mock.createToken('admin-tool', { scopes: ['admin:userinfo'] }) }
}

/** An admin token looks up a complete user. */
export const Found: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr(asAdmin),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, rachel)
  },
}

/** The GitHub persona: UID = GID, no email. */
export const GitHubPersona: Story = {
  args: { username: mockUsers.github.username },
  ...withMockGafaelfawr(asAdmin),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.github)
  },
}

/** A name LDAP does not know: Gafaelfawr answers 200 with the name alone, never 404. */
export const UnknownToLdap: Story = {
  args: { username: 'nobody-here' },
  ...withMockGafaelfawr(asAdmin),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, { username: 'nobody-here' })
  },
}

/** Without the admin scope, a session user may still look themself up. */
export const OwnNameWithoutAdmin: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr((mock) => logInAs(mock, rachel)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, rachel)
  },
}

/** Nothing is sent until a name is submitted; then the user appears. */
export const SubmitAName: Story = {
  ...withMockGafaelfawr(asAdmin),
  async play({ canvasElement, loaded }) {
    const canvas = within(canvasElement)
    const { mock } = mockOf(loaded)
    await expect(await canvas.findByRole('status')).toHaveTextContent('Type a username')
    await expect(requestsTo(mock, `/users/${mockUsers.bot.username}`)).toBe(0)
    await userEvent.type(canvas.getByLabelText('Username'), mockUsers.bot.username)
    await userEvent.click(canvas.getByRole('button', { name: 'Look up' }))
    await expectUserDetails(canvasElement, mockUsers.bot)
    await expect(requestsTo(mock, `/users/${mockUsers.bot.username}`)).toBe(1)
  },
}

/** Each answer takes 800 ms: the lookup is busy first. */
export const SlowNetwork: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr((mock) => {
    mock.setLatency(800)
    return asAdmin(mock)
  }),
  async play({ canvasElement }) {
    await expect(await expectLoading(canvasElement)).toHaveTextContent('Looking up rachel')
    await expectUserDetails(canvasElement, rachel)
  },
}

/** 401: no session and no token. */
export const NotLoggedIn: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr(),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrUnauthorizedError', 'HTTP 401')
  },
}

/** 403: a token without `admin:userinfo` asks about someone else. */
export const Forbidden: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr((mock) => {
    mock.setUserInfo(rachel.username, rachel)
    return { token: mock.createToken(mockUsers.noNameEmail.username) }
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrForbiddenError', 'HTTP 403')
  },
}

/** 404: a GitHub-login deployment has no LDAP, so every lookup by name is "not found". */
export const GitHubDeployment: Story = {
  args: { username: mockUsers.github.username },
  ...withMockGafaelfawr((mock) => {
    mock.setLdapConfigured(false)
    return asAdmin(mock)
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrNotFoundError', 'HTTP 404')
  },
}

/** 500: LDAP fails for this user (after the client's short retries). */
export const ServerError: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr((mock) => {
    mock.failOn(rachel.username, ['users'])
    return asAdmin(mock)
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrWebError', 'HTTP 500')
  },
}

/** The connection drops on every attempt. */
export const NetworkFailure: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr((mock) => {
    mock.failOn(rachel.username, ['users'], { kind: 'network' })
    return asAdmin(mock)
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrWebError', 'no reply')
  },
}

/** A 200 whose body is not user information. */
export const MalformedReply: Story = {
  args: { username: rachel.username },
  ...withMockGafaelfawr((mock) => {
    mock.failOn(rachel.username, ['users'], { kind: 'malformed' })
    return asAdmin(mock)
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrValidationError')
  },
}

/** A name that breaks Gafaelfawr's rule fails at once, and is never sent. */
export const InvalidUsername: Story = {
  args: { username: 'Not_A/User' },
  ...withMockGafaelfawr(asAdmin),
  async play({ canvasElement, loaded }) {
    await expectAlert(canvasElement, 'GafaelfawrValidationError')
    const { mock } = mockOf(loaded)
    await expect(mock.requests.filter((r) => r.path.includes('/users/'))).toEqual([])
  },
}
