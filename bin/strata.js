#!/usr/bin/env node
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js')
if (!existsSync(entry)) {
  process.stderr.write('strata is not built yet: run `npm run build` (or `npm install`) in the project folder.\n')
  process.exit(1)
}
await import(entry)
