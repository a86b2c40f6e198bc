import { fileURLToPath } from 'node:url'
import { constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { kB } from './support/measure'
import { type Row, row } from './support/row'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Peers of the main entry: the application has them already. ky and zod are counted. */
const MAIN_EXTERNAL = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/query-core']
/** The libraries compared keep react external and count everything else they pull in. */
const COMPETITOR_EXTERNAL = ['react', 'react-dom']

/** Target for the main entry, gzipped (issue: at most 15 kB). */
const MAIN_TARGET_BYTES = 15_000

interface Size {
  minified: number
  gzipped: number
}

/**
 * Bundles `source` (a module that re-exports an entry) with esbuild as an application
 * bundler would (bundle, minify, browser), then gzips it at level 9.
 *
 * The default format is an IIFE, as size-limit builds it: all the code of the entry, without
 * the list of its export names, which no application bundle contains (an application that
 * uses every export pays for this). `format: 'esm'` keeps that list, as a bundle of the entry
 * alone would have it.
 */
async function measure(
  source: string,
  external: string[],
  format: 'iife' | 'esm' = 'iife',
): Promise<Size> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    format,
    platform: 'browser',
    target: 'es2022',
    // A subpath such as react/jsx-runtime is external with its package.
    external,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error('bench: esbuild produced no output')
  const gzipped = gzipSync(output.contents, { level: constants.Z_BEST_COMPRESSION }).length
  return { minified: output.contents.length, gzipped }
}

/**
 * Bundle cost: the two entries of this library next to the React authentication libraries a
 * developer would otherwise reach for, all measured the same way in the same run.
 *
 * @returns One row per entry; the ratio is this library over the other one.
 */
export async function bundleBench(): Promise<Row[]> {
  const [main, mainEsm, client, clientWithCore, auth0, oidc] = await Promise.all([
    measure("export * from './src/index.ts'", MAIN_EXTERNAL),
    measure("export * from './src/index.ts'", MAIN_EXTERNAL, 'esm'),
    measure("export * from './src/client/index.ts'", MAIN_EXTERNAL),
    measure("export * from './src/client/index.ts'", []),
    measure("export * from '@auth0/auth0-react'", COMPETITOR_EXTERNAL),
    measure("export * from 'react-oidc-context'", COMPETITOR_EXTERNAL),
  ])
  const describe = (s: Size) => `${kB(s.gzipped)} gz (${kB(s.minified)} min)`
  return [
    row({
      benchmark: 'bundle: main entry vs @auth0/auth0-react',
      figure: `${describe(main)}; ${kB(mainEsm.gzipped)} gz with its ESM export list`,
      baseline: `${describe(auth0)} auth0-react + auth0-spa-js`,
      figureValue: main.gzipped,
      baselineValue: auth0.gzipped,
      target: `≤ ${kB(MAIN_TARGET_BYTES)} gz`,
      ok: main.gzipped <= MAIN_TARGET_BYTES,
    }),
    row({
      benchmark: 'bundle: main entry vs react-oidc-context',
      figure: describe(main),
      baseline: `${describe(oidc)} react-oidc-context + oidc-client-ts`,
      figureValue: main.gzipped,
      baselineValue: oidc.gzipped,
    }),
    row({
      benchmark: 'bundle: ./client entry (query-core external)',
      figure: describe(client),
      baseline: `${describe(oidc)} react-oidc-context + oidc-client-ts`,
      figureValue: client.gzipped,
      baselineValue: oidc.gzipped,
    }),
    row({
      benchmark: 'bundle: ./client entry (query-core counted)',
      figure: describe(clientWithCore),
      baseline: `${describe(oidc)} react-oidc-context + oidc-client-ts`,
      figureValue: clientWithCore.gzipped,
      baselineValue: oidc.gzipped,
    }),
  ]
}
