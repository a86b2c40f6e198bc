import { cleanup, type RenderOptions, render } from '@testing-library/react'
import { type ReactElement, StrictMode } from 'react'
import { afterEach } from 'vitest'

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
})

/** Renders `ui` in StrictMode, as a real application in development does. */
export function renderStrict(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}) {
  return render(ui, { ...options, wrapper: StrictMode })
}

/** A Gafaelfawr-shaped token (spec §2), so that the token-redaction checks are realistic. */
export const TOKEN = 'gt-Zm9vYmFyYmF6cXV1eDEyMw.c2VjcmV0c2VjcmV0c2Vjcg'
