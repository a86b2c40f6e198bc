import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ReactNode } from 'react'
import { expect, within } from 'storybook/test'
import { useUserInfo } from '../../src/index'
import { mockUsers } from '../../src/testing/index'
import { expectAlert, expectLoading, expectUserDetails } from '../support/expectations'
import { logInAs, mockOf, requestsTo, withMockGafaelfawr } from '../support/mockGafaelfawr'
import { ErrorNotice, Loading, UserDetails } from '../support/UserDetails'

/** Props of the demo component. */
interface CurrentUserCardProps {
  /** The token to read with; without it, the provider's token, else the session cookie. */
  token?: string
  /** `false` to send nothing yet. */
  enabled?: boolean
}

/** The demo component of these stories; what it shows is described on `meta`. */
function CurrentUserCard({ token, enabled = true }: CurrentUserCardProps): ReactNode {
  const { data: user, error, isPending, fetchStatus } = useUserInfo({ token, enabled })
  if (error) return <ErrorNotice error={error} />
  if (isPending && fetchStatus === 'idle') return <p role="status">Not asked yet</p>
  if (isPending) return <Loading />
  return <UserDetails user={user} />
}

/**
 * The current user, read with `useUserInfo()`: a loading state, the typed error of a failed
 * read, or the user's information. Fields a deployment leaves empty read "not provided".
 */
const meta = {
  title: 'Hooks/useUserInfo',
  component: CurrentUserCard,
} satisfies Meta<typeof CurrentUserCard>
export default meta
type Story = StoryObj<typeof meta>

export const CompleteUser: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.complete)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.complete)
  },
}

export const UnknownToLdap: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.usernameOnly, false)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.usernameOnly)
  },
}

export const NoNameOrEmail: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.noNameEmail)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.noNameEmail)
  },
}

export const NoUidOrGid: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.noUidGid)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.noUidGid)
  },
}

export const GitHubUser: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.github)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.github)
  },
}

export const BotUser: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.bot)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.bot)
  },
}

/** A delegated token given to the provider: no session, the token is sent instead. */
export const WithToken: Story = {
  ...withMockGafaelfawr((mock) => {
    mock.setUserInfo(mockUsers.complete.username, mockUsers.complete)
    return { token: mock.createToken(mockUsers.complete.username) }
  }),
  async play({ canvasElement, loaded }) {
    await expectUserDetails(canvasElement, mockUsers.complete)
    const userInfo = mockOf(loaded).mock.requests.filter((r) => r.path.endsWith('/user-info'))
    await expect(userInfo.map((r) => r.credential)).toEqual(['token'])
  },
}

/** Each answer takes 800 ms: the card is busy, then shows the user. */
export const SlowNetwork: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.setLatency(800)
  }),
  async play({ canvasElement }) {
    await expectLoading(canvasElement)
    await expectUserDetails(canvasElement, mockUsers.complete)
    await expect(within(canvasElement).queryByRole('status')).toBeNull()
  },
}

/** `enabled: false` keeps the query idle: nothing is sent. */
export const Disabled: Story = {
  args: { enabled: false },
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.complete)),
  async play({ canvasElement, loaded }) {
    const status = await within(canvasElement).findByRole('status')
    await expect(status).toHaveTextContent('Not asked yet')
    await expect(status).not.toHaveAttribute('aria-busy')
    await expect(requestsTo(mockOf(loaded).mock, '/user-info')).toBe(0)
  },
}

/** 401: nobody is logged in and no token is sent. */
export const NotLoggedIn: Story = {
  ...withMockGafaelfawr(),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrUnauthorizedError', 'HTTP 401')
  },
}

/** 401: the token has expired. */
export const ExpiredToken: Story = {
  ...withMockGafaelfawr((mock) => ({
    token: mock.createToken(mockUsers.complete.username, { expires: Date.now() - 1_000 }),
  })),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrUnauthorizedError', 'HTTP 401')
  },
}

/** 500: the user-information backend fails (after the client's short retries). */
export const ServerError: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.failOn(mockUsers.complete.username, ['user-info'])
  }),
  async play({ canvasElement, loaded }) {
    await expectAlert(canvasElement, 'GafaelfawrWebError', 'HTTP 500')
    // The first attempt and two retries.
    await expect(requestsTo(mockOf(loaded).mock, '/user-info')).toBe(3)
  },
}

/** The connection drops on every attempt. */
export const NetworkFailure: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.failOn(mockUsers.complete.username, ['user-info'], { kind: 'network' })
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrWebError', 'no reply')
  },
}

/** A 200 whose body is not user information (a login page from a misconfigured proxy). */
export const MalformedReply: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.failOn(mockUsers.complete.username, ['user-info'], { kind: 'malformed' })
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrValidationError')
  },
}
