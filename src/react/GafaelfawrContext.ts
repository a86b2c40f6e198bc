import { createContext } from 'react'
import type { GafaelfawrClient } from '../client/GafaelfawrClient'

/**
 * The client of the nearest `<GafaelfawrProvider>`; undefined outside one, so that
 * `useGafaelfawrClient()` can say what is missing. Private: read it with `useGafaelfawrClient()`.
 */
export const GafaelfawrContext = createContext<GafaelfawrClient | undefined>(undefined)

GafaelfawrContext.displayName = 'GafaelfawrContext'
