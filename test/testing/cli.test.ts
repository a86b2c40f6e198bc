import { type ChildProcess, spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mockUsers } from '../../src/testing/index'
import { call } from './support'

// The package bin against a build of the testing entries laid out as in the package
// (bin/ beside dist/testing/), made here with esbuild so the test needs no `npm run build`.

const projectRoot = resolve(import.meta.dirname, '../..')
let root: string
let binPath: string
const children: ChildProcess[] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gafaelfawr-mock-cli-'))
  await build({
    absWorkingDir: projectRoot,
    entryPoints: {
      'testing/index': 'src/testing/index.ts',
      'testing/node': 'src/testing/node.ts',
    },
    outdir: join(root, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['msw'],
    logLevel: 'silent',
  })
  // Bare imports (msw) resolve from the project's own node_modules.
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  await mkdir(join(root, 'bin'))
  binPath = join(root, 'bin', 'gafaelfawr-mock-server.mjs')
  await copyFile(join(projectRoot, 'bin', 'gafaelfawr-mock-server.mjs'), binPath)
  await mkdir(join(root, 'site'))
  await writeFile(join(root, 'site', 'index.html'), '<!doctype html><p>page</p>')
})

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

interface Run {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [binPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  return { child, output: () => output, exited }
}

/** Waits until the server has printed its URLs, and reads them. */
async function started(server: Run): Promise<{ repertoireUrl: string; baseUrl: string }> {
  const ready = /Gafaelfawr v1:\s+(\S+)/
  while (!ready.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`exited early: ${server.output()}`)
    await new Promise((wait) => setTimeout(wait, 20))
  }
  const repertoireUrl = /Repertoire:\s+(\S+)/.exec(server.output())?.[1] ?? ''
  return { repertoireUrl, baseUrl: ready.exec(server.output())?.[1] ?? '' }
}

describe('gafaelfawr-mock-server', () => {
  it('prints its URLs, serves the complete persona as session user, and stops on SIGTERM', async () => {
    const server = run(['--port', '0'])
    const { repertoireUrl, baseUrl } = await started(server)

    const discovery = await call(`${repertoireUrl}/discovery`)
    const user = await call(`${baseUrl}/user-info`)

    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\/api\/v1$/)
    expect(server.output()).toContain(`Session user:   ${mockUsers.complete.username}`)
    expect(discovery.body).toHaveProperty('services.internal.gafaelfawr.versions.v1.url', baseUrl)
    expect(user.status).toBe(200)
    expect(user.body).toStrictEqual(mockUsers.complete)
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })

  it('serves the --static folder on the same origin as the API', async () => {
    const server = run(['--port', '0', '--static', join(root, 'site')])
    const { baseUrl } = await started(server)

    const page = await call(`${new URL(baseUrl).origin}/`)

    expect(page.status).toBe(200)
    expect(page.text).toBe('<!doctype html><p>page</p>')
  })

  it('prints its usage for --help and refuses a port that is not a number', async () => {
    const help = run(['--help'])
    const bad = run(['--port', 'eighty'])

    expect(await help.exited).toBe(0)
    expect(help.output()).toContain('Usage: gafaelfawr-mock-server')
    expect(await bad.exited).toBe(2)
    expect(bad.output()).toContain('--port must be a port number')
  })
})
