#!/usr/bin/env node
// Consumer smoke test: installs the packed package into fresh projects, the way an application
// would, and checks that it builds, type-checks and renders there.
//
//   node scripts/consumer-smoke.mjs        (after `npm run build`)
//
// For React 19 and React 18 (the ends of the `react >= 18` peer range) a temporary Vite + React
// project gets the tarball: `vite build` of an app importing every browser entry, `tsc` against
// the tarball's declarations (Bundler resolution, and NodeNext), an import of every entry in
// plain Node, and a server render of the provider and hooks that must name the user. A third
// project, without React, imports `gafaelfawr-react/client` in plain Node and reads a user from
// a local server. The entries come from package.json `exports`; an entry announced in the
// design but not exported yet is skipped with a note. Templates live in test/consumer/.
// Only 127.0.0.1 and the npm registry are reached. Set GAFAELFAWR_SMOKE_KEEP=1 to keep the
// temporary projects.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const repo = resolve(import.meta.dirname, '..')
const templates = join(repo, 'test', 'consumer')
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc')
const userFixture = join(repo, 'test', 'fixtures', 'gafaelfawr', 'someuser.json')
const expectedUsername = 'someuser'
const keep = process.env.GAFAELFAWR_SMOKE_KEEP === '1'

/** What the smoke test knows about each entry of the design; any other export is imported only. */
const KNOWN_ENTRIES = {
  '.': { required: true, browser: true },
  './client': { required: true, browser: true },
  './testing': { required: false, browser: true, files: ['render-testing.mjs'] },
  './testing/node': { required: false, browser: false, files: ['testing-node.mjs'] },
}

const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'))
const started = performance.now()
const results = { passed: 0, failed: 0, skipped: 0 }

function log(scope, line) {
  process.stdout.write(`${`[${scope}]`.padEnd(10)} ${line}\n`)
}
function pass(scope, label, since) {
  results.passed += 1
  log(scope, `PASS ${label} (${seconds(since)} s)`)
}
function fail(scope, label, error) {
  results.failed += 1
  log(scope, `FAIL ${label}: ${error.message}`)
  if (error.output) {
    for (const line of error.output.trimEnd().split('\n').slice(-40)) log(scope, `  | ${line}`)
  }
}
function skip(scope, label, reason) {
  results.skipped += 1
  log(scope, `SKIP ${label}: ${reason}`)
}
function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1)
}

/** Environment for child processes, without what `npm run` adds about the repository. */
function childEnv() {
  const env = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (
      /^npm_(package_|lifecycle_|command$)/.test(name) ||
      /^npm_config_(local_prefix|call|omit|include|production|dry_run|global|workspaces?)$/.test(
        name,
      )
    ) {
      continue
    }
    env[name] = value
  }
  return env
}

/** Runs a command; rejects with its combined output when it fails or outlives `timeout`. */
function run(command, args, { cwd, timeout = 120_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(Object.assign(error, { output }))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolvePromise(output)
      else {
        const why = signal ? `killed by ${signal} after ${timeout / 1000} s` : `exit code ${code}`
        reject(Object.assign(new Error(`${command} ${args.join(' ')}: ${why}`), { output }))
      }
    })
  })
}

/**
 * The file an `exports` value points to for `condition` ('import' or 'types'), following the
 * conditions an ESM import matches ('import', 'default') in the order they are written.
 */
function targetOf(value, condition) {
  if (typeof value === 'string') return value
  if (value === null || typeof value !== 'object') return undefined
  for (const [key, inner] of Object.entries(value)) {
    if (key !== condition && key !== 'import' && key !== 'default') continue
    const found = targetOf(inner, condition)
    if (found !== undefined) return found
  }
  return undefined
}

function specifierOf(entry) {
  return entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`
}

function assertIncludes(output, expected, what) {
  if (!output.includes(expected)) {
    throw Object.assign(new Error(`${what} does not contain "${expected}"`), { output })
  }
}

// --- Which entries to check -----------------------------------------------------------------

const exported = Object.keys(pkg.exports ?? {}).filter(
  (entry) => entry !== './package.json' && !entry.includes('*'),
)
const entries = []
let preflightOk = true
for (const [entry, known] of Object.entries(KNOWN_ENTRIES)) {
  if (exported.includes(entry)) continue
  if (known.required) {
    fail('package', `entry ${entry}`, new Error('missing from package.json exports'))
    preflightOk = false
  } else {
    skip('package', `entry ${specifierOf(entry)}`, 'not in package.json exports yet')
  }
}
for (const entry of exported) {
  const js = targetOf(pkg.exports[entry], 'import')
  const types = targetOf(pkg.exports[entry], 'types')
  const missing = [js, types].filter((file) => file === undefined || !existsSync(join(repo, file)))
  if (missing.length > 0) {
    fail(
      'package',
      `entry ${specifierOf(entry)}`,
      new Error(
        `exports point to missing files (${missing.join(', ') || 'no import/types condition'}): run \`npm run build\` first`,
      ),
    )
    preflightOk = false
    continue
  }
  entries.push({
    entry,
    specifier: specifierOf(entry),
    browser: KNOWN_ENTRIES[entry]?.browser ?? false,
    files: KNOWN_ENTRIES[entry]?.files ?? [],
  })
}
if (!preflightOk) finish()

// --- Shared files for the consumer projects ---------------------------------------------------

function browserEntriesModule() {
  const browser = entries.filter((e) => e.browser)
  return [
    '// Generated by scripts/consumer-smoke.mjs from package.json exports.',
    ...browser.map((e, i) => `import * as entry${i} from '${e.specifier}'`),
    '',
    'export const entries: Record<string, object> = {',
    ...browser.map((e, i) => `  '${e.specifier}': entry${i},`),
    '}',
    '',
  ].join('\n')
}

function nodeNextEntriesModule() {
  return [
    '// Generated by scripts/consumer-smoke.mjs from package.json exports.',
    ...entries.map((e, i) => `import * as entry${i} from '${e.specifier}'`),
    '',
    `export const entries: object[] = [${entries.map((_, i) => `entry${i}`).join(', ')}]`,
    '',
  ].join('\n')
}

// --- The projects -------------------------------------------------------------------------------

const root = await mkdtemp(join(tmpdir(), 'gafaelfawr-consumer-'))
log('package', `temporary projects in ${root}`)

let tarball
{
  const since = performance.now()
  try {
    const output = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', root],
      { cwd: repo },
    )
    const [{ filename, files }] = JSON.parse(output.slice(output.indexOf('[')))
    tarball = join(root, filename)
    const packed = new Set(files.map((file) => file.path))
    const absent = entries
      .flatMap((e) => [
        targetOf(pkg.exports[e.entry], 'import'),
        targetOf(pkg.exports[e.entry], 'types'),
      ])
      .map((file) => file.replace(/^\.\//, ''))
      .filter((file) => !packed.has(file))
    if (absent.length > 0) throw new Error(`the tarball lacks ${absent.join(', ')}`)
    pass('package', `npm pack ${filename} (${files.length} files)`, since)
  } catch (error) {
    fail('package', 'npm pack', error)
    await rm(root, { recursive: true, force: true })
    finish()
  }
}

const repoVersions = { ...pkg.dependencies, ...pkg.devDependencies }
const hasTesting = entries.some((e) => e.entry === './testing')

/** A Vite + React project for one React major: its files, its install step and its checks. */
async function prepareReactProject(scope, reactVersions) {
  const dir = join(root, scope)
  await cp(join(templates, 'react-app'), dir, { recursive: true })
  await cp(join(templates, 'shared', 'fakeGafaelfawr.mjs'), join(dir, 'fakeGafaelfawr.mjs'))
  await cp(userFixture, join(dir, 'user.json'))
  for (const e of entries) {
    for (const file of e.files) {
      await cp(join(templates, 'entries', file), join(dir, file))
    }
  }
  await writeFile(join(dir, 'src', 'entries.ts'), browserEntriesModule())
  await writeFile(join(dir, 'nodenext', 'entries.ts'), nodeNextEntriesModule())
  await writeJson(
    join(dir, 'entries.json'),
    entries.map((e) => e.specifier),
  )
  const devDependencies = {
    '@types/node': repoVersions['@types/node'],
    '@types/react': reactVersions['@types/react'],
    '@types/react-dom': reactVersions['@types/react-dom'],
    '@vitejs/plugin-react': repoVersions['@vitejs/plugin-react'],
    vite: repoVersions.vite,
  }
  // The testing kit's mock speaks MSW, an optional peer that its users install.
  if (hasTesting) devDependencies.msw = repoVersions.msw
  await writeJson(join(dir, 'package.json'), {
    name: `gafaelfawr-consumer-${scope}`,
    private: true,
    type: 'module',
    dependencies: {
      '@tanstack/react-query': repoVersions['@tanstack/react-query'],
      'gafaelfawr-react': `file:${tarball}`,
      react: reactVersions.react,
      'react-dom': reactVersions['react-dom'],
    },
    devDependencies,
  })

  const install = [
    `npm install (react ${reactVersions.react})`,
    () =>
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: dir,
        timeout: 150_000,
      }),
  ]
  const steps = [
    [
      'vite build of an app importing every browser entry',
      async () => {
        await run(
          process.execPath,
          [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
          {
            cwd: dir,
          },
        )
        if (!existsSync(join(dir, 'dist', 'index.html'))) throw new Error('no dist/index.html')
      },
    ],
    [
      'tsc --noEmit, moduleResolution Bundler (declarations checked too)',
      () => run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: dir }),
    ],
    [
      'tsc --noEmit, moduleResolution NodeNext (declarations checked too)',
      () => run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.nodenext.json'], { cwd: dir }),
    ],
    [
      'every entry imports in plain Node',
      () => run(process.execPath, ['import-entries.mjs'], { cwd: dir }),
    ],
    [
      'server render of GafaelfawrProvider + useUserInfo / useSuspenseUserInfo',
      async () => {
        const output = await run(process.execPath, ['render.mjs'], { cwd: dir })
        assertIncludes(output, `react: ${reactVersions.react}`, 'the render output')
        assertIncludes(output, `cached: ${expectedUsername}`, 'the hydrated-cache render')
        assertIncludes(output, `fetched: ${expectedUsername}`, 'the streamed Suspense render')
        return output
      },
    ],
  ]
  if (hasTesting) {
    steps.push([
      'server render with MockGafaelfawrProvider from gafaelfawr-react/testing',
      async () => {
        const output = await run(process.execPath, ['render-testing.mjs'], { cwd: dir })
        assertIncludes(
          output,
          `mock user: ${expectedUsername}`,
          'the MockGafaelfawrProvider render',
        )
        assertIncludes(output, 'by name: Other User', 'the MockGafaelfawrProvider render')
        return output
      },
    ])
  } else {
    skip(scope, 'MockGafaelfawrProvider render', 'gafaelfawr-react/testing is not exported yet')
  }
  if (entries.some((e) => e.entry === './testing/node')) {
    steps.push([
      'startMockGafaelfawrServer + GafaelfawrClient in plain Node',
      async () => {
        const output = await run(process.execPath, ['testing-node.mjs'], { cwd: dir })
        assertIncludes(output, `mock server user: ${expectedUsername}`, 'the mock server read')
        return output
      },
    ])
  } else {
    skip(scope, 'startMockGafaelfawrServer', 'gafaelfawr-react/testing/node is not exported yet')
  }
  return { scope, install, steps }
}

/** A project with the tarball alone (no React, no peers): the client entry in plain Node. */
async function prepareNodeOnlyProject() {
  const scope = 'node'
  const dir = join(root, 'node-only')
  await mkdir(dir, { recursive: true })
  await cp(join(templates, 'node-only', 'client-node.mjs'), join(dir, 'client-node.mjs'))
  await cp(join(templates, 'shared', 'fakeGafaelfawr.mjs'), join(dir, 'fakeGafaelfawr.mjs'))
  await cp(userFixture, join(dir, 'user.json'))
  await writeJson(join(dir, 'package.json'), {
    name: 'gafaelfawr-consumer-node-only',
    private: true,
    type: 'module',
    dependencies: { 'gafaelfawr-react': `file:${tarball}` },
  })
  const install = [
    'npm install without peers (no React)',
    async () => {
      await run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline', '--legacy-peer-deps'],
        { cwd: dir, timeout: 150_000 },
      )
      for (const peer of Object.keys(pkg.peerDependencies ?? {})) {
        if (existsSync(join(dir, 'node_modules', peer))) throw new Error(`${peer} got installed`)
      }
    },
  ]
  const steps = [
    [
      "import('gafaelfawr-react/client') and getUserInfo() in plain Node without React",
      async () => {
        const output = await run(process.execPath, ['client-node.mjs'], { cwd: dir })
        assertIncludes(output, `username: ${expectedUsername}`, 'the client read')
        return output
      },
    ],
  ]
  return { scope, install, steps }
}

/** Installs a project, then runs its checks in order. */
function runProject({ scope, install, steps }) {
  return runSteps(scope, [install, ...steps])
}

/** Runs steps in order, stopping at the first failure; returns whether each one passed. */
async function runSteps(scope, steps) {
  const passed = []
  for (const [index, [label, step]] of steps.entries()) {
    const since = performance.now()
    try {
      const output = await step()
      pass(scope, label, since)
      showOutput(scope, output)
      passed.push(true)
    } catch (error) {
      fail(scope, label, error)
      for (const [later] of steps.slice(index + 1)) skip(scope, later, 'an earlier step failed')
      passed.push(false)
      break
    }
  }
  return passed
}

function skipAll({ scope, steps }) {
  for (const [label] of steps) skip(scope, label, 'its install failed')
}

function showOutput(scope, output) {
  if (typeof output === 'string' && process.env.GAFAELFAWR_SMOKE_VERBOSE === '1') {
    for (const line of output.trimEnd().split('\n')) log(scope, `  | ${line}`)
  }
}

async function writeJson(file, value) {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`)
}

const react19 = {
  react: repoVersions.react,
  'react-dom': repoVersions['react-dom'],
  '@types/react': repoVersions['@types/react'],
  '@types/react-dom': repoVersions['@types/react-dom'],
}
const react18 = {
  react: '18.3.1',
  'react-dom': '18.3.1',
  '@types/react': '18.3.32',
  '@types/react-dom': '18.3.7',
}

try {
  // React 19's install first, alone, so that the other installs find a warm npm cache; then
  // its (CPU-bound) checks run while the other two projects install (network-bound).
  const first = await prepareReactProject('react19', react19)
  const second = await prepareReactProject('react18', react18)
  const third = await prepareNodeOnlyProject()
  const [installed] = await runSteps(first.scope, [first.install])
  await Promise.all([
    installed ? runSteps(first.scope, first.steps) : skipAll(first),
    runProject(third).then(() => runProject(second)),
  ])
} catch (error) {
  fail('smoke', 'unexpected error', error)
} finally {
  if (keep) log('smoke', `kept ${root}`)
  else await rm(root, { recursive: true, force: true })
}
finish()

function finish() {
  const verdict = results.failed === 0 ? 'PASS' : 'FAIL'
  log('smoke', `${verdict} consumer smoke test in ${seconds(started)} s`)
  console.log(
    `consumer-smoke: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`,
  )
  process.exit(results.failed === 0 ? 0 : 1)
}
