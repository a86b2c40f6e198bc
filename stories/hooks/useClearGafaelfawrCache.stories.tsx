import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ReactNode, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { useClearGafaelfawrCache, useUserInfo } from '../../src/index'
import { type MockGafaelfawr, mockUsers } from '../../src/testing/index'
import { READ_TIMEOUT } from '../support/expectations'
import { logInAs, mockOf, requestsTo, withMockGafaelfawr } from '../support/mockGafaelfawr'
import { ErrorNotice, Loading } from '../support/UserDetails'

/** Props of the demo component. */
interface GroupMembershipProps {
  /** Adds the user to a group on the server (here: in the story's mock). */
  joinGroup: () => Promise<void> | void
}

/** The demo component of these stories; what it shows is described on `meta`. */
function GroupMembership({ joinGroup }: GroupMembershipProps): ReactNode {
  const { data: user, error, isFetching } = useUserInfo()
  const clearCache = useClearGafaelfawrCache()
  const [note, setNote] = useState('')
  if (error) return <ErrorNotice error={error} />
  if (!user) return <Loading />
  const onJoin = async () => {
    await joinGroup()
    setNote('Joined on the server; the cached groups are unchanged.')
  }
  const onRefresh = async () => {
    await clearCache()
    setNote('Cache cleared.')
  }
  return (
    <section aria-busy={isFetching}>
      <p>
        Groups of {user.username}:{' '}
        <span data-testid="groups">{user.groups.map((group) => group.name).join(', ')}</span>
      </p>
      <button type="button" onClick={onJoin}>
        Join g_new_project
      </button>{' '}
      <button type="button" onClick={onRefresh}>
        Refresh user information
      </button>
      <p role="status">{note}</p>
    </section>
  )
}

/** Adds `rachel` to `g_new_project` in the mock's directory, as a group manager would. */
function joinInMock(mock: MockGafaelfawr): void {
  const user = mockUsers.complete
  mock.setUserInfo(user.username, {
    ...user,
    groups: [...(user.groups ?? []), { name: 'g_new_project', id: 2000099 }],
  })
}

/**
 * The user's groups, from `useUserInfo()`, with two buttons: one changes the membership on the
 * server, which the cached information does not show (it stays fresh for 5 minutes); the
 * other calls the function of `useClearGafaelfawrCache()`, and the view fetches again.
 */
const meta = {
  title: 'Hooks/useClearGafaelfawrCache',
  component: GroupMembership,
} satisfies Meta<typeof GroupMembership>
export default meta
type Story = StoryObj<typeof meta>

/**
 * Join a group, see that the cached groups stay, then refresh: the new group appears. The
 * play function does the same and counts the requests the mock answered.
 */
export const ClearCacheAfterAGroupChange: Story = {
  name: 'Clear cache after a group change',
  args: { joinGroup: () => {} },
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.complete)),
  render: (_args, { loaded }) => {
    const { mock } = mockOf(loaded)
    return <GroupMembership joinGroup={() => joinInMock(mock)} />
  },
  async play({ canvasElement, loaded }) {
    const canvas = within(canvasElement)
    const { mock } = mockOf(loaded)
    const groups = await canvas.findByTestId('groups', {}, { timeout: READ_TIMEOUT })
    await expect(groups).toHaveTextContent('g_science, g_users, rachel')

    await userEvent.click(canvas.getByRole('button', { name: 'Join g_new_project' }))
    await expect(canvas.getByRole('status')).toHaveTextContent('Joined on the server')
    await expect(canvas.getByTestId('groups')).not.toHaveTextContent('g_new_project')
    await expect(requestsTo(mock, '/user-info')).toBe(1)

    await userEvent.click(canvas.getByRole('button', { name: 'Refresh user information' }))
    await waitFor(() => expect(canvas.getByTestId('groups')).toHaveTextContent('g_new_project'), {
      timeout: READ_TIMEOUT,
    })
    await expect(canvas.getByTestId('groups')).toHaveTextContent(
      'g_new_project, g_science, g_users, rachel',
    )
    await expect(requestsTo(mock, '/user-info')).toBe(2)
  },
}
