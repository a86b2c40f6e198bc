// @vitest-environment jsdom
import { renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { GafaelfawrClient, GafaelfawrProvider, useGafaelfawrClient } from '../../src/index'
import { GAFAELFAWR_URL } from './support/http'
import './support/render'

describe('useGafaelfawrClient', () => {
  it('throws a sentence that says what to do outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useGafaelfawrClient())).toThrow(
      /^useGafaelfawrClient must be used inside <GafaelfawrProvider>/,
    )
  })

  it('returns the client of the nearest provider', () => {
    const outer = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const inner = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    const { result } = renderHook(() => useGafaelfawrClient(), {
      wrapper: ({ children }) => (
        <GafaelfawrProvider client={outer}>
          <GafaelfawrProvider client={inner}>{children}</GafaelfawrProvider>
        </GafaelfawrProvider>
      ),
    })
    expect(result.current).toBe(inner)
  })

  it('returns the client a provider built from its options', () => {
    const { result } = renderHook(() => useGafaelfawrClient(), {
      wrapper: ({ children }) => (
        <GafaelfawrProvider baseUrl={GAFAELFAWR_URL} cacheSize={7}>
          {children}
        </GafaelfawrProvider>
      ),
    })
    expect(result.current).toBeInstanceOf(GafaelfawrClient)
    expect(result.current.cacheSize).toBe(7)
    expect(result.current.discoveryClient).toBeUndefined()
  })
})
