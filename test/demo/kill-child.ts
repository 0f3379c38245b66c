// Child process for the kill test: starts a large demo run into the store named by argv[2] and reports
// each finished batch load on stdout, so the parent can kill it in the middle of the transaction.
// The CLI module registers every subsystem's migrations, as the real `strata` process does.
import '../../src/cli/program.js'
import { dirname } from 'node:path'
import { generateDemo } from '../../src/demo/index.js'
import { openStore } from '../../src/store/index.js'

const store = await openStore(process.argv[2]!)
await generateDemo(store.conn, {
  customers: 200_000,
  seed: 9,
  batchSize: 2_000,
  // Batch files go beside the store, so the test removes what the killed run leaves behind.
  workDir: dirname(process.argv[2]!),
  onProgress: (p) => {
    if (p.phase === 'load') process.stdout.write(`loaded ${p.done}\n`)
  },
})
process.stdout.write('finished\n')
await store.close()
