// Runs the whole vitest suite, shows vitest's own report, then prints the closing line CI reads:
// `N passed, N failed` (from vitest's JSON report, so it cannot drift from what actually ran).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'strata-tests-'))
const report = join(dir, 'report.json')
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
let passed = 0
let failed = 0
let skipped = 0
try {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0)
  if (json.numFailedTestSuites && failed === 0) failed = json.numFailedTestSuites
} catch {
  failed = Math.max(1, failed)
}
rmSync(dir, { recursive: true, force: true })
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
