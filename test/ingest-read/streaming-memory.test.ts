import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { UCI } from './helpers.js'

const here = dirname(fileURLToPath(import.meta.url))

describe('streaming', () => {
  it('reads the 45 MB UCI file in a 64 MB heap (records are not held in memory)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=64', '--import', 'tsx', join(here, 'count-records.ts'), UCI],
      { cwd: join(here, '../..') },
    )
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!)
    expect(result.records).toBe(541_909)
    expect(result.peakHeapMB).toBeLessThan(64)
  })
})
