import { cleanup, type RenderOptions, render } from '@testing-library/react'
import { type ReactElement, StrictMode } from 'react'
import { afterEach } from 'vitest'

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
})

/** Renders `ui` in StrictMode (effects run twice in development, as in a real app). */
export function renderStrict(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}) {
  return render(ui, { ...options, wrapper: StrictMode })
}
