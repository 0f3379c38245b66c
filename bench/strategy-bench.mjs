// Benchmark of the strategy subsystem (issue 8 items 5–7): association rules by product and by category
// (pair and triple counting in the store), bought-together, next-best products for one customer, a
// segment's cross-sell list, community invitations, and consent-honouring audience exports — each beside a
// reference query measured in the same run (one scan of the baskets: order lines joined to their orders).
//   node bench/strategy-bench.mjs DB [MEMORY_MB]   (after `npm run build`; DB a COPY of an analysed demo
//   store; MEMORY_MB caps the engine, which then spills to disk)
// or, from the orchestrator: `const { benchStrategy } = await import('./strategy-bench.mjs')`.
import { createWriteStream, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { pathToFileURL } from 'node:url'

const dist = new URL('../dist/', import.meta.url)
const load = (path) => import(new URL(path, dist).href)

/** Times each stage on the store at `dbPath`; returns milliseconds per stage, sizes and peak RSS. */
export async function benchStrategy({ dbPath, memoryLimitMB }) {
  const { openStore } = await load('store/store.js')
  await load('tables.js')
  const { sql } = await load('sql/fragment.js')
  const s = await load('strategy/index.js')
  const store = await openStore(dbPath)
  const conn = store.conn
  if (memoryLimitMB) await conn.run(conn.dialect.limitMemory(memoryLimitMB))
  const rows = []
  const time = async (name, work, note = () => '') => {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const value = await work()
    const used = process.cpuUsage(cpu)
    rows.push({
      name,
      ms: Math.round(performance.now() - started),
      cpuMs: Math.round((used.user + used.system) / 1000),
      note: note(value),
    })
    return value
  }
  const exportTo = async (selection, format) => {
    const file = join(tmpdir(), `strata-bench-audience-${process.pid}.${format}`)
    const out = createWriteStream(file)
    try {
      const result = await s.exportAudience(conn, { selection, format }, out)
      out.end()
      await finished(out)
      return result
    } finally {
      rmSync(file, { force: true })
    }
  }
  try {
    const size = await conn.one(sql`SELECT (SELECT count(*) FROM customers) AS customers,
      (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS items`)
    await time(
      'reference: one scan of baskets (lines ⋈ orders, distinct per basket and product)',
      () =>
        conn.one(sql`SELECT count(*) AS n FROM (${s.basketItemsQuery(conn.dialect, { by: 'product' })}) b`),
      (v) => `${v.n.toLocaleString('en')} basket-items`,
    )
    const product = await time(
      'rules by product (pairs + triples, defaults)',
      () => s.mineRules(conn, s.defaultRuleOptions('product')),
      (v) => `${v.rules.length} rules over ${v.baskets.toLocaleString('en')} baskets`,
    )
    await time(
      'rules by category (pairs + triples, lift ≥ 0)',
      () => s.mineRules(conn, { ...s.defaultRuleOptions('category'), minLift: 0 }),
      (v) => `${v.rules.length} rules`,
    )
    await time('store the product rules', () =>
      s.saveRules(conn, product.rules, {
        ...s.defaultRuleOptions('product'),
        computedAt: '2026-07-01 00:00:00',
      }),
    )
    const anchor = product.rules[0]?.antecedent[0] ?? 'MB-001'
    await time(
      `bought together with ${anchor}`,
      () => s.boughtTogether(conn, anchor),
      (v) => `${v.items.length} items`,
    )
    const champion = await conn.one(sql`SELECT min(customer_id) AS id FROM customer_scores
      WHERE snapshot_id = (SELECT CAST(max(CAST(snapshot_id AS INTEGER)) AS VARCHAR) FROM snapshots) AND rfm_segment = 'Champions'`)
    await time(
      `next-best products for ${champion.id}`,
      () => s.nextBestProducts(conn, champion.id),
      (v) => v.products.map((p) => p.item).join(' '),
    )
    const champions = await s.resolveSelection(conn, { kind: 'rfm', name: 'Champions' })
    await time(
      'cross-sell list of Champions (stored rules recounted in the segment)',
      () => s.segmentCrossSell(conn, champions),
      (v) => `${v.segmentBaskets.toLocaleString('en')} baskets, ${v.rules.length} rules`,
    )
    await time(
      'community invitations per RFM segment',
      () => s.communityInvitations(conn),
      (v) => `${v.length} rows`,
    )
    await time(
      'audience export, ads (hashed), Champions',
      () => exportTo(champions, 'ads'),
      (v) => `${v.rows.toLocaleString('en')} rows, ${v.withoutConsent.toLocaleString('en')} without consent`,
    )
    const hibernating = await s.resolveSelection(conn, { kind: 'rfm', name: 'Hibernating' })
    await time(
      'audience export, CSV default columns, Hibernating',
      () => exportTo(hibernating, 'csv'),
      (v) => `${v.rows.toLocaleString('en')} rows`,
    )
    await conn.run(sql`DELETE FROM association_rules`)
    return { size, rows, memoryLimitMB, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }
  } finally {
    await store.close()
  }
}

/** The result as a markdown table, with each stage's ratio to the reference scan. */
export function strategyMarkdown(result) {
  const reference = result.rows[0].ms || 1
  const lines = [
    `Store: ${result.size.customers.toLocaleString('en')} customers, ${result.size.orders.toLocaleString('en')} orders, ${result.size.items.toLocaleString('en')} order lines.`,
    '',
    '| stage | wall ms | CPU ms | × reference | result |',
    '|---|---:|---:|---:|---|',
    ...result.rows.map(
      (r) =>
        `| ${r.name} | ${r.ms.toLocaleString('en')} | ${r.cpuMs.toLocaleString('en')} | ${(r.ms / reference).toFixed(2)} | ${r.note} |`,
    ),
    '',
    `Peak RSS of the process: ${result.peakRssMB.toLocaleString('en')} MB${result.memoryLimitMB ? ` (engine capped at ${result.memoryLimitMB} MB)` : ''}.`,
  ]
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dbPath, memory] = process.argv.slice(2)
  if (!dbPath) {
    process.stderr.write('usage: node bench/strategy-bench.mjs DB   (a copy of an analysed demo store)\n')
    process.exit(2)
  }
  const memoryLimitMB = memory ? Number(memory) : undefined
  console.log(strategyMarkdown(await benchStrategy({ dbPath, memoryLimitMB })))
}
