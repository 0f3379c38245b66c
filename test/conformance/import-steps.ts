import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import type { ImportOptions } from '../../src/ingest/import-file.js'

/** A fixture of this folder, or of the ingest tests (shared, never copied). */
export const own = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const ingest = (name: string) => fileURLToPath(new URL(`../ingest/fixtures/${name}`, import.meta.url))

/** A GBK-encoded customers file written into `dir` (the text is the test; the bytes are GBK). */
export function gbkCustomersFile(dir: string): string {
  const path = join(dir, 'customers-gbk.csv')
  const text =
    '会员编号,姓名,手机号,邮箱,性别,城市\n' +
    'G01,黄磊,13700137000,huang.lei@example.com,男,广州\n' +
    'G02,林静,,lin.jing@example.com,女,厦门\n' +
    'G03,吴刚,13900139000,,男,南京\n'
  writeFileSync(path, iconv.encode(text, 'gbk'))
  return path
}

export type Step = Omit<ImportOptions, 'today' | 'startedAt'> & { readonly at: string }

/**
 * Every import kind and preset, in an order that exercises the identity rules: customers first (Chinese
 * text, a repeated id), a GBK file, orders naming customers by email or phone only (merged into known
 * customers), line items of known and unknown orders, overlapping files, a file with bad rows (rejected
 * whole, then imported with --skip-invalid), a customers file that changes attributes, events naming
 * customers by email / phone.
 */
export function importSteps(scratchDir: string): Step[] {
  const gbk = gbkCustomersFile(scratchDir)
  let minute = 0
  const at = () => `2026-11-23 10:${String(minute++).padStart(2, '0')}:00`
  return [
    { at: at(), kind: 'customers', file: own('customers-zh.csv'), source: 'crm' },
    { at: at(), kind: 'customers', file: ingest('crm-customers.csv'), source: 'crm' },
    { at: at(), kind: 'customers', file: gbk, source: 'gbk', map: 'customer_id=会员编号' },
    { at: at(), kind: 'orders', file: ingest('generic-orders.csv'), source: 'shop' },
    { at: at(), kind: 'order-items', file: ingest('order-items.csv'), source: 'shop' },
    { at: at(), kind: 'orders', file: ingest('cn-orders-gb18030.csv'), source: 'cn' },
    { at: at(), kind: 'orders', file: ingest('line-items-small.csv'), preset: 'line-items' },
    { at: at(), kind: 'orders', file: ingest('shopify-orders.csv'), preset: 'shopify' },
    { at: at(), kind: 'orders', file: ingest('woocommerce-orders.csv'), preset: 'woocommerce' },
    { at: at(), kind: 'orders', file: ingest('stripe-payments.csv'), preset: 'stripe' },
    { at: at(), kind: 'events', file: ingest('events.ndjson'), source: 'crm' },
    { at: at(), kind: 'events', file: own('events-zh.ndjson'), source: 'web' },
    { at: at(), kind: 'feedback', file: ingest('feedback.json'), source: 'crm' },
    { at: at(), kind: 'orders', file: ingest('orders-part1.csv'), source: 'parts' },
    { at: at(), kind: 'orders', file: ingest('orders-part2.csv'), source: 'parts' },
    { at: at(), kind: 'orders', file: own('orders-mixed.csv'), source: 'mixed' },
    {
      at: at(),
      kind: 'orders',
      file: own('orders-mixed.csv'),
      source: 'mixed',
      skipInvalid: true,
      rejectsPath: join(scratchDir, 'orders-mixed.rejects.csv'),
    },
    { at: at(), kind: 'customers', file: own('customers-update.csv'), source: 'crm' },
  ]
}
