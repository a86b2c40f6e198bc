// `npm run bench`: runs every benchmark, each in a fresh Node process, prints one markdown
// table and writes it to bench/results.md with the date and the machine.
import { fork } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { markdownTable, type Row } from './support/row'

/** In this order: the client-only benchmarks first, then the React ones. */
const BENCHMARKS = ['bundle', 'parallel', 'eviction', 'hits', 'requests', 'renders'] as const

const CHILD = fileURLToPath(new URL('./support/child.ts', import.meta.url))
const RESULTS = fileURLToPath(new URL('./results.md', import.meta.url))

function runChild(name: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [name], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let rows: Row[] | undefined
    child.on('message', (message) => {
      rows = (message as { rows: Row[] }).rows
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0 && rows) resolve(rows)
      else reject(new Error(`bench: ${name} failed (exit code ${code})`))
    })
  })
}

function machine(): string {
  const cpus = os.cpus()
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`
}

const started = performance.now()
const rows: Row[] = []
const failures: string[] = []
for (const name of BENCHMARKS) {
  const start = performance.now()
  try {
    rows.push(...(await runChild(name)))
    console.error(`bench: ${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`)
  } catch (error) {
    failures.push(name)
    console.error(error instanceof Error ? error.message : error)
  }
}

const table = markdownTable(rows)
const seconds = ((performance.now() - started) / 1000).toFixed(0)
const report = [
  '# Benchmarks',
  '',
  `Run on ${new Date().toISOString().slice(0, 10)}; ${machine()}; ${seconds} s in all.`,
  'Each figure sits next to its baseline measured in the same run; `ratio` is figure / baseline.',
  'Compare ratios, not absolute times: the machines are noisy. See bench/README.md.',
  '',
  table,
  ...(failures.length ? ['', `Failed: ${failures.join(', ')}.`] : []),
  '',
].join('\n')

console.log(table)
await writeFile(RESULTS, report)
console.error(`bench: wrote ${RESULTS}`)
if (failures.length) process.exitCode = 1
