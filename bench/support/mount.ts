import type { ReactElement } from 'react'
import { sleep } from './measure'

/** After the awaited elements show their data, how long to keep watching for late work. */
const SETTLE_MS = 200

/**
 * Mounts `tree` in a new container of jsdom's document, waits until `ready` elements carry
 * `data-ready` (and `SETTLE_MS` more, so that late requests and renders are seen), then
 * unmounts it. Import only after installDom().
 *
 * @param tree - The React elements to mount.
 * @param ready - How many elements must show their data.
 * @param what - What is awaited, for the timeout message.
 * @throws {Error} when the elements are not ready within 20 s.
 */
export async function mountUntilReady(
  tree: ReactElement,
  ready: number,
  what: string,
): Promise<void> {
  const { createRoot } = await import('react-dom/client')
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  try {
    root.render(tree)
    const deadline = Date.now() + 20_000
    while (container.querySelectorAll('[data-ready]').length < ready) {
      if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`)
      await sleep(5)
    }
    await sleep(SETTLE_MS)
  } finally {
    root.unmount()
    container.remove()
  }
}
