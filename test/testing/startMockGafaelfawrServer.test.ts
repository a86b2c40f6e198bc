import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mockUsers } from '../../src/testing/index'
import { type MockGafaelfawrServer, startMockGafaelfawrServer } from '../../src/testing/node'
import { call, invalidTokenChallenge, UNKNOWN_TOKEN } from './support'

// The same mock over real HTTP on 127.0.0.1: a representative part of the reply table, the
// static folder, and path traversal. No MSW here: `fetch` reaches the real socket.

/** GET with the path sent exactly as given (fetch would normalise `..` away). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

let running: MockGafaelfawrServer

describe('startMockGafaelfawrServer: the API over HTTP', () => {
  beforeEach(async () => {
    running = await startMockGafaelfawrServer()
  })

  afterEach(async () => {
    await running.close()
  })

  it('listens on an ephemeral port of 127.0.0.1 with discovery naming its own v1 URL', async () => {
    const { repertoireUrl, baseUrl } = running

    const reply = await call(`${repertoireUrl}/discovery`)

    expect(repertoireUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repertoire$/)
    expect(baseUrl).toBe(`${new URL(repertoireUrl).origin}/auth/api/v1`)
    expect(new URL(baseUrl).port).not.toBe('0')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('access-control-allow-origin')).toBe('*')
    expect(reply.body).toHaveProperty('services.internal.gafaelfawr.versions.v1.url', baseUrl)
  })

  it('gives each server its own port and its own mock', async () => {
    const second = await startMockGafaelfawrServer()
    try {
      expect(second.baseUrl).not.toBe(running.baseUrl)
      expect(second.mock).not.toBe(running.mock)
    } finally {
      await second.close()
    }
  })

  it('answers /user-info for a token and for the session user', async () => {
    const { mock, baseUrl } = running
    mock.setUserInfo(mockUsers.complete.username, mockUsers.complete)
    mock.setSessionUser(mockUsers.complete.username)
    const token = mock.createToken('someone')

    const session = await call(`${baseUrl}/user-info`)
    const withToken = await call(`${baseUrl}/user-info`, { token })

    expect(session.status).toBe(200)
    expect(session.body).toStrictEqual(mockUsers.complete)
    expect(withToken.body).toStrictEqual({ username: 'someone', groups: [] })
    expect(mock.requests.map((entry) => entry.credential)).toEqual(['session', 'token'])
  })

  it('answers 401 with the same bodies and headers as the MSW handlers', async () => {
    const { baseUrl } = running

    const none = await call(`${baseUrl}/user-info`)
    const unknown = await call(`${baseUrl}/user-info`, { token: UNKNOWN_TOKEN })

    expect(none.status).toBe(401)
    expect(none.text).toBe('{"detail":{"msg":"Authentication required","type":"no_authorization"}}')
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="127.0.0.1"')
    expect(unknown.status).toBe(401)
    expect(unknown.body).toStrictEqual({
      detail: [{ msg: 'Token is not valid', type: 'invalid_token' }],
    })
    expect(unknown.headers.get('www-authenticate')).toBe(invalidTokenChallenge('127.0.0.1'))
  })

  it('answers by-name lookups: 200, 403, 404 without LDAP, 422', async () => {
    const { mock, baseUrl } = running
    const admin = mock.createToken('admin-user', { scopes: ['admin:userinfo'] })
    const plain = mock.createToken('rachel')

    const unknown = await call(`${baseUrl}/users/unknown-user`, { token: admin })
    const denied = await call(`${baseUrl}/users/someone`, { token: plain })
    const invalid = await call(`${baseUrl}/users/NOT_VALID`, { token: admin })
    mock.setLdapConfigured(false)
    const noLdap = await call(`${baseUrl}/users/someone`, { token: admin })

    expect(unknown.status).toBe(200)
    expect(unknown.text).toBe('{"username":"unknown-user"}')
    expect(denied.status).toBe(403)
    expect(denied.body).toHaveProperty('detail.0.type', 'permission_denied')
    expect(invalid.status).toBe(422)
    expect(invalid.body).toHaveProperty('detail.0.loc', ['path', 'username'])
    expect(noLdap.status).toBe(404)
    expect(noLdap.body).toHaveProperty('detail.0.type', 'not_supported')
  })

  it('drops the connection for a network failure and sends 500 for a server error', async () => {
    const { mock, baseUrl } = running
    mock.failOn('rachel', ['user-info'], { kind: 'network' })
    mock.failOn('someone', ['user-info'])

    await expect(
      fetch(`${baseUrl}/user-info`, {
        headers: { Authorization: `Bearer ${mock.createToken('rachel')}` },
      }),
    ).rejects.toThrow(TypeError)
    const failed = await call(`${baseUrl}/user-info`, { token: mock.createToken('someone') })

    expect(failed.status).toBe(500)
    expect(failed.body).toHaveProperty('detail.0.type', 'user_info_failed')
  })

  it('answers 404 Not Found for other paths when no static folder is given', async () => {
    const origin = new URL(running.baseUrl).origin

    const reply = await call(`${origin}/index.html`)

    expect(reply.status).toBe(404)
    expect(reply.body).toStrictEqual({ detail: 'Not Found' })
  })

  it('stops listening once closed, and close() may be called twice', async () => {
    const { baseUrl } = running
    await running.close()
    await running.close()

    await expect(fetch(`${baseUrl}/user-info`)).rejects.toThrow(TypeError)
  })
})

describe('startMockGafaelfawrServer: static files', () => {
  let root: string
  let site: string
  let origin: string

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gafaelfawr-mock-static-'))
    site = join(root, 'site')
    await mkdir(join(site, 'docs'), { recursive: true })
    await writeFile(join(root, 'secret.txt'), 'top secret')
    await writeFile(join(site, 'index.html'), '<!doctype html><title>app</title>')
    await writeFile(join(site, 'app.js'), 'console.log(1)')
    await writeFile(join(site, 'style.css'), 'body{}')
    await writeFile(join(site, 'data.json'), '{"a":1}')
    await writeFile(join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    await writeFile(join(site, 'pixel.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    await writeFile(join(site, 'docs', 'index.html'), '<p>docs</p>')
    await symlink(join(root, 'secret.txt'), join(site, 'link.txt'))
    running = await startMockGafaelfawrServer({ staticDir: site })
    origin = new URL(running.baseUrl).origin
  })

  afterAll(async () => {
    await running.close()
    await rm(root, { recursive: true, force: true })
  })

  it('serves index.html for / and for a folder', async () => {
    const home = await call(`${origin}/`)
    const docs = await call(`${origin}/docs/`)

    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(home.text).toBe('<!doctype html><title>app</title>')
    expect(docs.text).toBe('<p>docs</p>')
  })

  it.each([
    ['app.js', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['data.json', 'application/json'],
    ['logo.svg', 'image/svg+xml'],
    ['pixel.png', 'image/png'],
  ])('serves %s as %s', async (file, type) => {
    const response = await fetch(`${origin}/${file}`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0)
  })

  it('still answers the API and discovery on the same origin', async () => {
    running.mock.setSessionUser('rachel')

    const user = await call(`${origin}/auth/api/v1/user-info`)
    const discovery = await call(`${running.repertoireUrl}/discovery`)

    expect(user.body).toStrictEqual({ username: 'rachel', groups: [] })
    expect(discovery.status).toBe(200)
  })

  it('answers 404 for a missing file', async () => {
    expect((await rawGet(origin, '/missing.js')).status).toBe(404)
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/docs/..%2f..%2fsecret.txt',
    '/%2E%2E%5Csecret.txt',
    '/..\\secret.txt',
    '/link.txt',
    `/${'..%2f'.repeat(10)}etc/passwd`,
  ])('never serves anything outside the folder: %s', async (path) => {
    const reply = await rawGet(origin, path)

    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.body).not.toContain('top secret')
    expect(reply.body).not.toContain('root:')
  })

  it('keeps a path that starts with // on its own origin, and refuses other targets', async () => {
    running.mock.setSessionUser('rachel')

    const doubled = await rawGet(origin, '//evil.example.com/auth/api/v1/user-info')
    const absolute = await rawGet(origin, 'http://evil.example.com/auth/api/v1/user-info')

    expect(doubled.status).toBe(404)
    expect(absolute.status).toBe(400)
  })

  it('answers 400 to a path with a null byte or a broken escape', async () => {
    expect((await rawGet(origin, '/index.html%00.png')).status).toBe(400)
    expect((await rawGet(origin, '/%E0%A4%A')).status).toBe(400)
  })
})
