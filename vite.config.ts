import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import dts from 'vite-plugin-dts'

const root = import.meta.dirname

/**
 * Declaration files keep the sources' extensionless relative imports, which Node's own ESM
 * resolution (TypeScript's `node16`/`nodenext`) refuses. Give each one its `.js` file, or the
 * `index.js` of its folder, as found next to the source the declaration came from.
 */
function withJsExtensions(filePath: string, content: string): string {
  const sourceDir = dirname(join(root, 'src', relative(join(root, 'dist'), filePath)))
  return content.replace(
    /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*?)\2/g,
    (match, lead: string, quote: string, spec: string) => {
      if (/\.(js|mjs|cjs|json)$/.test(spec)) return match
      const target = resolve(sourceDir, spec)
      const isFile = ['.ts', '.tsx'].some((ext) => existsSync(target + ext))
      const fixed = isFile
        ? `${spec}.js`
        : existsSync(join(target, 'index.ts'))
          ? `${spec}/index.js`
          : spec
      return `${lead}${quote}${fixed}${quote}`
    },
  )
}

// Library build: one ESM file per entry, peers and dependencies left external.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^ky($|\/)/,
  /^zod($|\/)/,
  /^msw($|\/)/,
  /^node:/,
]

export default defineConfig({
  plugins: [
    react(),
    dts({
      include: ['src'],
      exclude: ['src/**/*.test.*'],
      tsconfigPath: './tsconfig.build.json',
      beforeWriteFile: (filePath, content) => ({ content: withJsExtensions(filePath, content) }),
    }),
  ],
  publicDir: false,
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        'client/index': 'src/client/index.ts',
        'testing/index': 'src/testing/index.ts',
        'testing/node': 'src/testing/node.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: { preserveModules: false },
    },
  },
})
