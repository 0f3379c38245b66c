// Run as a child process by streaming-memory.test.ts: counts the records of a file and prints the count and the
// largest heap seen, so the test can run it in a heap too small to hold the file.
import { openRecordSource } from '../../src/ingest/read/index.js'

const path = process.argv[2]!
const opened = await openRecordSource(path)
if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics))
let n = 0
let peak = 0
for await (const _ of opened.value.records()) {
  if (++n % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed)
}
console.log(JSON.stringify({ records: n, peakHeapMB: Math.round(peak / 1e6) }))
