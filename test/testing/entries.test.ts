import { resolve } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// The testing kit's layering: the browser entry pulls in no Node built-ins (React only for
// MockGafaelfawrProvider), the Node entry no React, and neither the main entry nor the client
// ever reaches the testing kit.

const projectRoot = resolve(import.meta.dirname, '../..')

/** Every module and bare import `entry` reaches, bundled as for `platform`. */
async function reach(entry: string, platform: 'browser' | 'node') {
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform,
    // Bare imports stay external so they are listed rather than bundled.
    packages: 'external',
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  const imports = Object.values(result.metafile.inputs).flatMap((input) =>
    input.imports.filter((imported) => imported.external).map((imported) => imported.path),
  )
  return { inputs, imports: [...new Set(imports)] }
}

describe('testing entries', () => {
  it('keeps the browser entry free of Node built-ins', async () => {
    const { inputs, imports } = await reach('src/testing/index.ts', 'browser')

    expect(imports).toContain('msw')
    for (const name of imports) {
      expect(name).toMatch(
        /^(msw|ky|zod\/mini|react(\/jsx-runtime)?|@tanstack\/(react-query|query-core))$/,
      )
    }
    expect(inputs).not.toContain('src/testing/startMockGafaelfawrServer.ts')
    expect(inputs.filter((input) => input.startsWith('src/testing/internal/node'))).toEqual([])
  })

  it('keeps the Node entry free of React', async () => {
    const { imports } = await reach('src/testing/node.ts', 'node')

    expect(imports.filter((name) => !name.startsWith('node:'))).toEqual(['msw'])
  })

  it.each(['src/index.ts', 'src/client/index.ts'])(
    '%s never reaches the testing kit',
    async (entry) => {
      const { inputs } = await reach(entry, 'browser')

      expect(inputs.filter((input) => input.startsWith('src/testing/'))).toEqual([])
    },
  )

  it('exports the kit by name', async () => {
    const testing = await import('../../src/testing/index')
    const node = await import('../../src/testing/node')

    expect(Object.keys(testing).sort()).toEqual([
      'MockGafaelfawr',
      'MockGafaelfawrProvider',
      'mockUsers',
    ])
    expect(Object.keys(node)).toEqual(['startMockGafaelfawrServer'])
  })
})
