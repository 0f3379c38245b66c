import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'

/** The shared CDNOW sample (never copied into the repo): ../shared/data/cdnow from the project root. */
export const CDNOW_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'data',
  'cdnow',
)

/**
 * Loads CDNOW_sample.txt into a fresh in-memory store's orders table (source 'cdnow', one order per line,
 * customer id = the sample id, as in cdnow_customers_summary.csv).
 */
export async function cdnowStore(path = ':memory:'): Promise<Store> {
  const store = await openStore(path)
  const lines = readFileSync(join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8').split('\n')
  const rows = lines
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length === 5)
    .map(([, id, ymd, , dollars], i) => {
      const at = `${ymd!.slice(0, 4)}-${ymd!.slice(4, 6)}-${ymd!.slice(6, 8)} 00:00:00`
      return [
        'cdnow',
        String(i + 1),
        String(Number(id)),
        at,
        Number(dollars),
        'USD',
        null,
        'paid',
        null,
        null,
        null,
        null,
        null,
      ] as const
    })
  await store.conn.append('orders', ORDER_COLUMNS, rows)
  const n = await store.conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM orders`)
  if (n?.n !== 6919) throw new Error(`expected 6,919 CDNOW orders, loaded ${n?.n}`)
  return store
}

/** The orders table's columns, in the order the fixtures' row tuples give them. */
export const ORDER_COLUMNS = [
  'source',
  'order_id',
  'customer_id',
  'ordered_at',
  'amount',
  'currency',
  'discount',
  'status',
  'channel',
  'store_id',
  'community_id',
  'coupon_code',
  'import_id',
]

/** cdnow_customers_summary.csv as rows. */
export function cdnowPublishedSummary(): { id: string; frequency: number; recency: number; T: number }[] {
  return readFileSync(join(CDNOW_DIR, 'cdnow_customers_summary.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, frequency, recency, T] = line.split(',')
      return { id: id!, frequency: Number(frequency), recency: Number(recency), T: Number(T) }
    })
}
