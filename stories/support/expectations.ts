import { expect, within } from 'storybook/test'
import { expectedDetails } from './UserDetails'

/** Long enough for a read that the client retries (5xx, network: about 1 s of back-off). */
export const READ_TIMEOUT = 5_000

/**
 * Waits for `UserDetails` to appear in `root`, then checks every field against `user`.
 *
 * @param root - The element to search in (the story's canvas, or part of it).
 * @param user - The user the screen should describe.
 */
export async function expectUserDetails(
  root: HTMLElement,
  user: Parameters<typeof expectedDetails>[0],
): Promise<void> {
  const canvas = within(root)
  await canvas.findByTestId('username', {}, { timeout: READ_TIMEOUT })
  for (const [field, text] of Object.entries(expectedDetails(user))) {
    await expect(canvas.getByTestId(field).textContent).toBe(text)
  }
}

/**
 * Waits for the one alert in `root` and checks that it names `errorName` and holds `text`.
 *
 * @returns The alert.
 */
export async function expectAlert(
  root: HTMLElement,
  errorName: string,
  text?: string | RegExp,
): Promise<HTMLElement> {
  const alert = await within(root).findByRole('alert', {}, { timeout: READ_TIMEOUT })
  await expect(alert).toHaveTextContent(errorName)
  if (text !== undefined) await expect(alert).toHaveTextContent(text)
  return alert
}

/** Checks that `root` shows a loading state: a `role="status"` with `aria-busy="true"`. */
export async function expectLoading(root: HTMLElement): Promise<HTMLElement> {
  const status = await within(root).findByRole('status')
  await expect(status).toHaveAttribute('aria-busy', 'true')
  return status
}
