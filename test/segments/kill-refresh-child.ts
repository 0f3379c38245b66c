// Child process for the kill test: refreshes every segment of the store named by argv[2] and, after the
// first segment is rewritten (inside the open transaction), says so and waits to be killed.
import '../../src/cli/program.js'
import { refreshSegments } from '../../src/segments/index.js'
import { openStore } from '../../src/store/index.js'

const store = await openStore(process.argv[2]!)
await refreshSegments(store.conn, 'all', {
  now: '2026-07-01 06:00:00',
  ctx: { asOf: '2026-07-01', snapshotId: null },
  onSegment: async (_size, done) => {
    if (done === 1) {
      process.stdout.write('first segment written\n')
      await new Promise((resolve) => setTimeout(resolve, 60_000))
    }
  },
})
process.stdout.write('finished\n')
await store.close()
