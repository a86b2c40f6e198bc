// @vitest-environment jsdom
import { dehydrate, hydrate } from '@tanstack/react-query'
import { act, screen } from '@testing-library/react'
import ky from 'ky'
import { describe, expect, it } from 'vitest'
import { GafaelfawrClient, GafaelfawrProvider, useUserInfo } from '../../src/index'
import { GAFAELFAWR_URL, recordRequests, serveUserInfo } from './support/http'
import { renderStrict } from './support/render'

const SESSION_COOKIE = 'gafaelfawr=session-secret-0123456789'
const TOKEN = 'gt-hydrate0000000000000.secret000000000000000'

function Who({ renders }: { renders: string[] }) {
  const { data, status } = useUserInfo()
  renders.push(data ? `user ${data.username}` : status)
  return <p>{data ? `user ${data.username}` : status}</p>
}

describe('prefetch on a server client, hydrate on a browser client', () => {
  it('renders the user on the first render, with no request, from hydrated state', async () => {
    // The server forwards the browser's session cookie; the browser client uses the cookie too,
    // so both read the entry of the session credential.
    serveUserInfo()
    const seen = recordRequests()
    const onServer = new GafaelfawrClient({
      baseUrl: GAFAELFAWR_URL,
      http: ky.create({ headers: { cookie: SESSION_COOKIE } }),
    })
    await onServer.getUserInfo()
    expect(seen).toHaveLength(1)
    expect(seen[0]?.request.headers.get('cookie')).toBe(SESSION_COOKIE)
    const json = JSON.stringify(dehydrate(onServer.userInfoCache))
    expect(json).not.toContain('session-secret')

    const inBrowser = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL })
    hydrate(inBrowser.userInfoCache, JSON.parse(json))
    const renders: string[] = []
    renderStrict(
      <GafaelfawrProvider client={inBrowser}>
        <Who renders={renders} />
      </GafaelfawrProvider>,
    )
    expect(renders[0]).toBe('user someuser')
    expect(screen.getByText('user someuser')).toBeTruthy()
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(seen).toHaveLength(1)
    expect(renders.every((shown) => shown === 'user someuser')).toBe(true)
  })

  it('keeps the token out of the dehydrated state', async () => {
    serveUserInfo()
    const onServer = new GafaelfawrClient({ baseUrl: GAFAELFAWR_URL, token: TOKEN })
    await onServer.getUserInfo()
    await onServer.getUserInfo(`${TOKEN}x`)
    const state = dehydrate(onServer.userInfoCache)
    expect(state.queries).toHaveLength(2)
    const json = JSON.stringify(state)
    expect(json).toContain('someuser')
    expect(json).not.toContain(TOKEN)
    expect(json).not.toContain('secret000')
  })
})
