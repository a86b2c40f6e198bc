import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mockUsers } from '../../src/testing/index'
import { type MockGafaelfawrServer, startMockGafaelfawrServer } from '../../src/testing/node'
import { chromiumLaunchOptions } from '../support/chromium'

// The example page (e2e/app) built with Vite and served by the mock server itself, so page,
// Repertoire and Gafaelfawr share one origin as on the platform: real HTTP, no MSW.
const APP_ROOT = fileURLToPath(new URL('../../e2e/app', import.meta.url))
const SCREENSHOT = fileURLToPath(new URL('../../test-results/e2e-app.png', import.meta.url))
const WAIT = { timeout: 10_000 }

const rachel = mockUsers.complete
const github = mockUsers.github

let workDir: string
let server: MockGafaelfawrServer
let context: BrowserContext
let page: Page
let serviceToken: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'gafaelfawr-e2e-'))
  const outDir = join(workDir, 'site')
  await build({
    root: APP_ROOT,
    configFile: false,
    plugins: [react()],
    publicDir: false,
    build: { outDir, emptyOutDir: true },
    logLevel: 'silent',
  })
  server = await startMockGafaelfawrServer({ staticDir: outDir })
  server.mock.setUserInfo(rachel.username, rachel)
  server.mock.setUserInfo(github.username, github)
  server.mock.setSessionUser(rachel.username)
  serviceToken = server.mock.createToken('admin-tool', { scopes: ['admin:userinfo'] })
  context = await chromium.launchPersistentContext(join(workDir, 'profile'), chromiumLaunchOptions)
  page = context.pages()[0] ?? (await context.newPage())
}, 120_000)

afterAll(async () => {
  await context?.close()
  await server?.close()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

/** Requests the mock answered for `path` below the API, with the credential each used. */
function requestsTo(path: string) {
  return server.mock.requests.filter((request) => request.path === `/auth/api/v1${path}`)
}

describe('the example page against the mock server in Chromium', () => {
  it('shows the session user, a lookup by name, a missing field, and a refreshed group', async () => {
    const origin = new URL(server.repertoireUrl).origin
    const query = new URLSearchParams({ token: serviceToken, lookup: github.username })
    await page.goto(`${origin}/?${query}`)

    // The current user, from the session (no Authorization header), found via discovery.
    const current = page.getByTestId('current-username')
    await page.getByText(`Signed in as ${rachel.username}`).waitFor(WAIT)
    expect(await current.textContent()).toBe(rachel.username)
    expect(await page.getByText(rachel.email as string).count()).toBe(1)
    const groups = page.locator('.groups')
    expect(await groups.textContent()).toBe('g_science, g_users, rachel')

    // A lookup by name with the admin token from the query string.
    await page.getByTestId('lookup-username').waitFor(WAIT)
    expect(await page.getByTestId('lookup-username').textContent()).toBe(github.username)
    await page.getByText(github.name as string).waitFor(WAIT)

    // A persona without email: the field's fallback text, not a blank.
    const lookupEmail = page.getByLabel('Lookup').locator('[data-field="email"]')
    expect(await lookupEmail.textContent()).toBe('Email address not provided by this deployment')
    expect(await lookupEmail.getAttribute('data-state')).toBe('missing')

    expect(requestsTo('/user-info').map((request) => request.credential)).toEqual(['session'])
    expect(requestsTo(`/users/${github.username}`).map((r) => r.credential)).toEqual(['token'])

    // The group changes on the server; the page keeps showing its cached groups...
    server.mock.setUserInfo(rachel.username, {
      ...rachel,
      groups: [...(rachel.groups ?? []), { name: 'g_new_project', id: 2000099 }],
    })
    await page.getByRole('button', { name: 'Refresh' }).waitFor(WAIT)
    expect(await groups.textContent()).toBe('g_science, g_users, rachel')
    expect(requestsTo('/user-info')).toHaveLength(1)

    // ...until Refresh clears the caches: the new group appears.
    await page.getByRole('button', { name: 'Refresh' }).click()
    await page.locator('.groups', { hasText: 'g_new_project' }).waitFor(WAIT)
    expect(await groups.textContent()).toBe('g_new_project, g_science, g_users, rachel')
    expect(requestsTo('/user-info')).toHaveLength(2)

    await mkdir(join(SCREENSHOT, '..'), { recursive: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
    console.log(`e2e screenshot: ${SCREENSHOT}`)
  }, 120_000)
})
