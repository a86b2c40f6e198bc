import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { MissingUserFields } from '../../src/index'

const meta = {
  title: 'Components/MissingUserFields',
  component: MissingUserFields,
  tags: ['autodocs'],
  args: { missing: ['email'] },
} satisfies Meta<typeof MissingUserFields>
export default meta
type Story = StoryObj<typeof meta>

export const OneField: Story = {
  async play({ canvasElement }) {
    const alert = within(canvasElement).getByRole('alert')
    await expect(alert).toHaveAttribute('data-missing', 'email')
    await expect(alert).toHaveTextContent(
      'This service needs information that this deployment does not provide for your account: email address.',
    )
    await expect(alert).toHaveTextContent('Please contact the administrators of this deployment.')
  },
}

export const SeveralFieldsOfAnAccount: Story = {
  args: { missing: ['name', 'uid', 'gid'], username: 'no-ids' },
  async play({ canvasElement }) {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'This service needs information that this deployment does not provide for the account no-ids: full name, numeric user ID (UID), primary group ID (GID).',
    )
  },
}

/** `children` replace the default advice. */
export const CustomAdvice: Story = {
  args: {
    missing: ['quota'],
    children: (
      <>
        Please <a href="https://example.com/help">open a help desk ticket</a>.
      </>
    ),
  },
  async play({ canvasElement }) {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent('for your account: quota.')
    await expect(canvas.getByRole('link', { name: 'open a help desk ticket' })).toBeVisible()
    await expect(canvas.queryByText(/contact the administrators/)).toBeNull()
  },
}

/** Nothing missing: nothing rendered. */
export const NothingMissing: Story = {
  args: { missing: [] },
  async play({ canvasElement }) {
    await expect(within(canvasElement).queryByRole('alert')).toBeNull()
  },
}
