// Runs one benchmark in this process. Started by bench/run.ts (each benchmark in a process of
// its own, so that no jsdom globals, MSW interceptors or heap left over from another one can
// change its figures), it sends the rows to the parent; started by hand, it prints them:
//   node --import tsx --expose-gc bench/support/child.ts hits
import { markdownTable, type Row } from './row'

const benchmarks: Record<string, () => Promise<Row[]>> = {
  bundle: async () => (await import('../bundle')).bundleBench(),
  parallel: async () => (await import('../parallel')).parallelBench(),
  eviction: async () => (await import('../eviction')).evictionBench(),
  hits: async () => (await import('../hits')).hitsBench(),
  requests: async () => (await import('../requests')).requestsBench(),
  renders: async () => (await import('../renders')).rendersBench(),
}

const name = process.argv[2]
const run = name === undefined ? undefined : benchmarks[name]
if (!run) {
  console.error(`usage: child.ts <${Object.keys(benchmarks).join('|')}>`)
  process.exit(2)
}
try {
  const rows = await run()
  if (process.send) process.send({ rows }, () => process.exit(0))
  else {
    console.log(markdownTable(rows))
    process.exit(0)
  }
} catch (error) {
  console.error(error)
  process.exit(1)
}
