// Benchmark of tags, clusters, persona cards and lookalikes (issue 8 §1–4) on an analyzed store.
//   node bench/personas-bench.mjs --store FILE [--seed 1] [--k N]       (after `npm run build`)
// The store is COPIED to a temporary folder first (DuckDB allows one writer per file; the original stays
// untouched) and the copy is deleted at the end. From the orchestrator:
//   const { benchPersonas } = await import('./personas-bench.mjs'); await benchPersonas({ dbPath })
// Reference, measured in the same run: one plain aggregate over the snapshot's customer_scores (the rows
// every stage starts from), so the ratios say how much work sits on top of reading them.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const dist = new URL('../dist/', import.meta.url)
const load = (path) => import(new URL(path, dist).href)

/** Times each stage on the store at `dbPath` (which it writes to: pass a copy). */
export async function benchPersonas({ dbPath, seed = 1, k }) {
  await load('tables.js')
  const { openStore } = await load('store/store.js')
  const { sql } = await load('sql/fragment.js')
  const personas = await load('personas/index.js')
  const store = await openStore(dbPath)
  const conn = store.conn
  const now = '2026-07-01 00:00:00'
  // Wall time, and CPU time of the process (all engine threads): the machine may be shared.
  const time = async (work) => {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const value = await work()
    const used = process.cpuUsage(cpu)
    return {
      ms: Math.round(performance.now() - started),
      cpuMs: Math.round((used.user + used.system) / 1000),
      value,
    }
  }
  try {
    const reference = await time(() =>
      conn.one(sql`SELECT count(*) AS n, avg(recency_days) AS r, avg(frequency) AS f, avg(monetary) AS m,
        avg(discount_share) AS d, avg(night_share) AS ns, avg(weekend_share) AS ws
        FROM customer_scores WHERE snapshot_id = (SELECT max(snapshot_id) FROM customer_scores) AND frequency > 0`),
    )
    const tags = await time(() => personas.refreshTags(conn, { now }))
    const features = await time(async () => {
      const snap = await conn.one(sql`SELECT max(snapshot_id) AS id FROM customer_scores`)
      return personas.loadFeatureMatrix(conn, String(snap.id))
    })
    const clusters = await time(() => personas.runClusters(conn, { seed, k, now }))
    const card = await time(() => personas.personaCard(conn, { kind: 'rfm', value: 'At Risk' }))
    const look = await time(() =>
      personas.findLookalikes(conn, { kind: 'tag', value: 'night-owl' }, { limit: 1000 }),
    )
    return {
      customers: Number(reference.value.n),
      reference: reference.ms,
      referenceCpu: reference.cpuMs,
      tags: {
        ms: tags.ms,
        cpuMs: tags.cpuMs,
        tags: tags.value.counts.length,
        assignments: tags.value.counts.reduce((s, c) => s + c.customers, 0),
      },
      features: { ms: features.ms, cpuMs: features.cpuMs, dim: features.value.dim },
      clusters: {
        ms: clusters.ms,
        cpuMs: clusters.cpuMs,
        k: clusters.value.k,
        kScores: clusters.value.kScores,
        timings: clusters.value.timings,
      },
      card: { ms: card.ms, cpuMs: card.cpuMs, size: card.value.size },
      lookalike: { ms: look.ms, cpuMs: look.cpuMs, seed: look.value.seedSize },
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }
  } finally {
    await store.close()
  }
}

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? fallback : process.argv[i + 1]
}

function table(r) {
  const ratio = (ms) => `${(ms / Math.max(1, r.reference)).toFixed(1)}×`
  const s = (ms) => (ms / 1000).toFixed(2)
  const t = r.clusters.timings
  const lines = [
    `Personas benchmark: ${r.customers.toLocaleString('en')} scored customers, peak RSS ${r.peakRssMB} MB`,
    '',
    '| stage | wall s | CPU s | × reference (wall) | notes |',
    '|---|---:|---:|---:|---|',
    `| reference: one aggregate over customer_scores | ${s(r.reference)} | ${s(r.referenceCpu)} | 1.0× | |`,
    `| tags: refresh (built-ins, SQL) | ${s(r.tags.ms)} | ${s(r.tags.cpuMs)} | ${ratio(r.tags.ms)} | ${r.tags.tags} tags, ${r.tags.assignments.toLocaleString('en')} assignments |`,
    `| clusters: total | ${s(r.clusters.ms)} | ${s(r.clusters.cpuMs)} | ${ratio(r.clusters.ms)} | k = ${r.clusters.k} |`,
    `| · load features | ${s(t.load)} | ${s(r.features.cpuMs)}¹ | ${ratio(t.load)} | ${r.features.dim} features |`,
    `| · choose k (silhouette on a sample) | ${s(t.choose_k)} | | ${ratio(t.choose_k)} | ${r.clusters.kScores.map((x) => `${x.k}:${x.silhouette}`).join(' ')} |`,
    `| · fit on every customer | ${s(t.fit)} | | ${ratio(t.fit)} | |`,
    `| · store run + members | ${s(t.store)} | | ${ratio(t.store)} | |`,
    `| persona card (RFM At Risk) | ${s(r.card.ms)} | ${s(r.card.cpuMs)} | ${ratio(r.card.ms)} | ${r.card.size.toLocaleString('en')} members |`,
    `| lookalikes of night-owl (top 1,000) | ${s(r.lookalike.ms)} | ${s(r.lookalike.cpuMs)} | ${ratio(r.lookalike.ms)} | seed ${r.lookalike.seed.toLocaleString('en')} |`,
    '',
    '¹ CPU of a separate load of the same matrix just before the run.',
  ]
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = option('store', undefined)
  if (!source || !existsSync(source)) {
    process.stderr.write('usage: node bench/personas-bench.mjs --store ANALYZED.duckdb [--seed 1] [--k N]\n')
    process.exit(2)
  }
  const dir = mkdtempSync(join(tmpdir(), 'strata-personas-bench-'))
  const copy = join(dir, 'bench.duckdb')
  try {
    copyFileSync(source, copy)
    const k = option('k', undefined)
    const result = await benchPersonas({
      dbPath: copy,
      seed: Number(option('seed', '1')),
      k: k ? Number(k) : undefined,
    })
    process.stdout.write(`${table(result)}\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
