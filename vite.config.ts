import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import dts from 'vite-plugin-dts'

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
    dts({ include: ['src'], exclude: ['src/**/*.test.*'], tsconfigPath: './tsconfig.build.json' }),
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
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: { preserveModules: false },
    },
  },
})
