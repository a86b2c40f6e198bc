import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ReactNode, Suspense } from 'react'
import { useSuspenseUserInfoByName } from '../../src/index'
import { type MockGafaelfawr, mockUsers } from '../../src/testing/index'
import { ErrorBoundary } from '../support/ErrorBoundary'
import { expectAlert, expectLoading, expectUserDetails } from '../support/expectations'
import { withMockGafaelfawr } from '../support/mockGafaelfawr'
import { Loading, UserDetails } from '../support/UserDetails'

/** Reads `username` with `useSuspenseUserInfoByName()`. */
function SuspendedOwner({ username }: { username: string }): ReactNode {
  const { data: owner } = useSuspenseUserInfoByName(username)
  return <UserDetails user={owner} />
}

/** The demo component of these stories; what it shows is described on `meta`. */
function OwnerCard({ username }: { username: string }): ReactNode {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading>Looking up {username}…</Loading>}>
        <SuspendedOwner username={username} />
      </Suspense>
    </ErrorBoundary>
  )
}

/**
 * The owner of something, looked up by name with `useSuspenseUserInfoByName()` inside
 * `<Suspense>` and an error boundary.
 */
const meta = {
  title: 'Hooks/useSuspenseUserInfoByName',
  component: OwnerCard,
} satisfies Meta<typeof OwnerCard>
export default meta
type Story = StoryObj<typeof meta>

function asAdmin(mock: MockGafaelfawr) {
  mock.setUserInfo(mockUsers.github.username, mockUsers.github)
  return { token: mock.createToken('admin-tool', { scopes: ['admin:userinfo'] }) }
}

export const Found: Story = {
  args: { username: mockUsers.github.username },
  ...withMockGafaelfawr((mock) => {
    mock.setLatency(500)
    return asAdmin(mock)
  }),
  async play({ canvasElement }) {
    await expectLoading(canvasElement)
    await expectUserDetails(canvasElement, mockUsers.github)
  },
}

/** 404 from a GitHub-login deployment reaches the error boundary. */
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

/** An empty name cannot wait in a Suspense query: it fails without a request. */
export const EmptyName: Story = {
  args: { username: '' },
  ...withMockGafaelfawr(asAdmin),
  async play({ canvasElement }) {
    await expectAlert(canvasElement, 'GafaelfawrValidationError')
  },
}
