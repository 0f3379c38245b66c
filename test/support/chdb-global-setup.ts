import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * One parent directory for every chdb data directory the test processes create (see engine-stores.ts),
 * removed when the run ends: test workers are stopped without running their own exit handlers.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'strata-chdb-tests-'))
  process.env['STRATA_TEST_CHDB_ROOT'] = root
  return () => rmSync(root, { recursive: true, force: true })
}
