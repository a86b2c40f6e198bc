import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ReactNode, Suspense } from 'react'
import { expect, within } from 'storybook/test'
import { useSuspenseUserInfo } from '../../src/index'
import { mockUsers } from '../../src/testing/index'
import { ErrorBoundary } from '../support/ErrorBoundary'
import { expectAlert, expectLoading, expectUserDetails } from '../support/expectations'
import { logInAs, withMockGafaelfawr } from '../support/mockGafaelfawr'
import { Loading, UserDetails } from '../support/UserDetails'

/** Reads the current user with `useSuspenseUserInfo()`: `data` is always there. */
function SuspendedUser(): ReactNode {
  const { data: user } = useSuspenseUserInfo()
  return <UserDetails user={user} />
}

/** The demo component of these stories; what it shows is described on `meta`. */
function SuspenseProfile(): ReactNode {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>
        <SuspendedUser />
      </Suspense>
    </ErrorBoundary>
  )
}

/**
 * `useSuspenseUserInfo()` inside `<Suspense>` and an error boundary: the fallback while the
 * user loads, the boundary when the read fails.
 */
const meta = {
  title: 'Hooks/useSuspenseUserInfo',
  component: SuspenseProfile,
} satisfies Meta<typeof SuspenseProfile>
export default meta
type Story = StoryObj<typeof meta>

export const LoggedIn: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.noUidGid)),
  async play({ canvasElement }) {
    await expectUserDetails(canvasElement, mockUsers.noUidGid)
  },
}

/** Each answer takes 800 ms: the Suspense fallback shows first. */
export const Suspended: Story = {
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

/** 401 reaches the error boundary. */
export const NotLoggedIn: Story = {
  ...withMockGafaelfawr(),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrUnauthorizedError', 'HTTP 401')
  },
}

/** 500 reaches the error boundary after the client's retries. */
export const ServerError: Story = {
  ...withMockGafaelfawr((mock) => {
    logInAs(mock, mockUsers.complete)
    mock.failOn(mockUsers.complete.username, ['user-info'])
  }),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrWebError', 'HTTP 500')
  },
}
