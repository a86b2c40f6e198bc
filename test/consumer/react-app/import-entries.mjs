// Imports every entry the package exports (listed in entries.json by
// scripts/consumer-smoke.mjs) in plain Node, without a bundler.
import { readFile } from 'node:fs/promises'

const specifiers = JSON.parse(await readFile(new URL('./entries.json', import.meta.url), 'utf8'))
for (const specifier of specifiers) {
  const names = Object.keys(await import(specifier))
  if (names.length === 0) throw new Error(`${specifier} exports nothing`)
  console.log(`${specifier}: ${names.length} exports`)
}
