// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { Component, type ReactNode, Suspense } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  GafaelfawrClient,
  GafaelfawrForbiddenError,
  GafaelfawrProvider,
  GafaelfawrUnauthorizedError,
  GafaelfawrValidationError,
  useSuspenseUserInfo,
  useSuspenseUserInfoByName,
} from '../../src/index'
import otheruser from '../fixtures/gafaelfawr/otheruser.json'
import { GAFAELFAWR_URL, recordRequests, server, serveUserInfo } from './support/http'
import { renderStrict } from './support/render'

class Boundary extends Component<
  { children: ReactNode; onError: (error: unknown) => void },
  { error: Error | null }
> {
  override state = { error: null as Error | null }
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error)
  }
  override render() {
    return this.state.error ? <p>caught {this.state.error.name}</p> : this.props.children
  }
}

function Me() {
  const { data } = useSuspenseUserInfo()
  return <p>user {data.username}</p>
}

function Named({ username }: { username: string }) {
  const { data } = useSuspenseUserInfoByName(username)
  return <p>named {data.username}</p>
}

function app(children: ReactNode, onError: (error: unknown) => void = () => {}) {
  return (
    <GafaelfawrProvider baseUrl={GAFAELFAWR_URL}>
      <Boundary onError={onError}>
        <Suspense fallback={<p>suspended</p>}>{children}</Suspense>
      </Boundary>
    </GafaelfawrProvider>
  )
}

describe('useSuspenseUserInfo', () => {
  it('suspends, then shows the user', async () => {
    serveUserInfo()
    renderStrict(app(<Me />))
    expect(screen.getByText('suspended')).toBeTruthy()
    expect(await screen.findByText('user someuser')).toBeTruthy()
  })

  it('renders cached data without suspending', async () => {
    serveUserInfo()
    const client = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    await client.getUserInfo()
    renderStrict(
      <GafaelfawrProvider client={client}>
        <Suspense fallback={<p>suspended</p>}>
          <Me />
        </Suspense>
      </GafaelfawrProvider>,
    )
    expect(screen.getByText('user someuser')).toBeTruthy()
  })

  it('throws a 401 to the nearest error boundary as GafaelfawrUnauthorizedError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    serveUserInfo(() =>
      HttpResponse.json(
        { detail: { msg: 'Authentication required', type: 'no_authorization' } },
        { status: 401 },
      ),
    )
    const onError = vi.fn()
    renderStrict(app(<Me />, onError))
    await screen.findByText('caught GafaelfawrUnauthorizedError')
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(GafaelfawrUnauthorizedError)
  })
})

describe('useSuspenseUserInfoByName', () => {
  it('suspends, then shows the user', async () => {
    server.use(http.get(`${GAFAELFAWR_URL}/users/otheruser`, () => HttpResponse.json(otheruser)))
    renderStrict(app(<Named username="otheruser" />))
    expect(screen.getByText('suspended')).toBeTruthy()
    expect(await screen.findByText('named otheruser')).toBeTruthy()
  })

  it('throws a 403 to the nearest error boundary as GafaelfawrForbiddenError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    server.use(
      http.get(`${GAFAELFAWR_URL}/users/otheruser`, () =>
        HttpResponse.json(
          {
            detail: [
              { msg: 'Cannot get information for user otheruser', type: 'permission_denied' },
            ],
          },
          { status: 403 },
        ),
      ),
    )
    const onError = vi.fn()
    renderStrict(app(<Named username="otheruser" />, onError))
    await screen.findByText('caught GafaelfawrForbiddenError')
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(GafaelfawrForbiddenError)
  })

  it('throws an empty name to the error boundary as GafaelfawrValidationError, sending nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const seen = recordRequests()
    const onError = vi.fn()
    renderStrict(app(<Named username="" />, onError))
    await screen.findByText('caught GafaelfawrValidationError')
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(GafaelfawrValidationError)
    expect(seen).toEqual([])
  })
})
