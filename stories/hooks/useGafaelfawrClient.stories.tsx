import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ReactNode, useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { useGafaelfawrClient, useUserInfo } from '../../src/index'
import { mockUsers } from '../../src/testing/index'
import { READ_TIMEOUT } from '../support/expectations'
import { logInAs, mockOf, requestsTo, withMockGafaelfawr } from '../support/mockGafaelfawr'

/** The demo component of these stories; what it shows is described on `meta`. */
function GroupCount(): ReactNode {
  const gafaelfawr = useGafaelfawrClient()
  const { data: user } = useUserInfo()
  const [count, setCount] = useState<string>()
  const onClick = async () => {
    const info = await gafaelfawr.getUserInfo()
    setCount(`${info.username} is in ${info.groups.length} groups`)
  }
  return (
    <section>
      <p>Signed in as {user?.username ?? '…'}</p>
      <button type="button" onClick={onClick} disabled={!user}>
        Count my groups
      </button>
      <output aria-label="Group count">{count}</output>
    </section>
  )
}

/**
 * `useGafaelfawrClient()` gives the provider's client, for calls outside render, such as
 * `getUserInfo()` in an event handler. It reads the same cache as the hooks: the header below
 * has already loaded the user, so the button sends nothing.
 */
const meta = {
  title: 'Hooks/useGafaelfawrClient',
  component: GroupCount,
} satisfies Meta<typeof GroupCount>
export default meta
type Story = StoryObj<typeof meta>

export const CallInAnEventHandler: Story = {
  ...withMockGafaelfawr((mock) => logInAs(mock, mockUsers.complete)),
  async play({ canvasElement, loaded }) {
    const canvas = within(canvasElement)
    await canvas.findByText('Signed in as rachel', {}, { timeout: READ_TIMEOUT })
    await userEvent.click(canvas.getByRole('button', { name: 'Count my groups' }))
    await expect(await canvas.findByText('rachel is in 3 groups')).toBeInTheDocument()
    // The hook and the call share one cache entry: one request in all.
    await expect(requestsTo(mockOf(loaded).mock, '/user-info')).toBe(1)
  },
}
