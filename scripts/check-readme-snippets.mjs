#!/usr/bin/env node
// Type-checks every ```ts and ```tsx block of README.md against the sources, so that the
// README cannot drift from the API. Each block is written to .readme-snippets/ as a module of
// its own; a block whose first line is a comment naming a file (`// Greeting.tsx`) gets that
// name, so other blocks can import it. `gafaelfawr-react` and its subpaths resolve to src/.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, '.readme-snippets')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

rmSync(out, { recursive: true, force: true })
mkdirSync(out)

const blocks = [...readme.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)]
blocks.forEach(([, lang, code], index) => {
  const named = /^\/\/ ([\w.-]+\.tsx?)\n/.exec(code)
  const name = named ? named[1] : `snippet-${String(index + 1).padStart(2, '0')}.${lang}`
  writeFileSync(join(out, name), code)
})

writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../tsconfig.json',
    compilerOptions: {
      noEmit: true,
      paths: {
        'gafaelfawr-react': ['../src/index.ts'],
        'gafaelfawr-react/client': ['../src/client/index.ts'],
        'gafaelfawr-react/testing': ['../src/testing/index.ts'],
        'gafaelfawr-react/testing/node': ['../src/testing/node.ts'],
      },
    },
    include: ['./**/*'],
  }),
)

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
try {
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(out, 'tsconfig.json')], {
    stdio: 'inherit',
  })
} catch {
  console.error(
    `README.md: ${blocks.length} snippets, type errors above (files in .readme-snippets/)`,
  )
  process.exit(1)
}
console.log(`README.md: ${blocks.length} snippets type-check`)
