import { resolve } from 'node:path'
import { type Command, Option } from 'commander'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import {
  type DemoProgress,
  type DemoSummary,
  generateDemo,
  MAX_CUSTOMERS,
  writeDemoFiles,
} from '../../demo/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

export interface DemoFlags {
  customers?: string
  seed?: string
  asOf?: string
  out?: string
  json?: boolean
}

/** The engine's memory cap during a demo load: a million customers fit, and a shared machine keeps room. */
const DEMO_MEMORY_MB = 1024

/** `50000`, `50_000` and `50,000` all mean fifty thousand. */
function parseCustomers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const plain = text.replace(/[_,]/g, '')
  if (!/^\d+$/.test(plain)) {
    throw new StrataError(
      { code: 'demo.bad_customers', params: { value: text, max: MAX_CUSTOMERS } },
      EXIT.USAGE,
    )
  }
  return Number(plain)
}

/** Exact decimal text with thousands separators for display: `1234567.80` → `1,234,567.80`. */
function groupDigits(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}

/** A single progress line on a terminal, rewritten in place; nothing when output is piped. */
function progressLine(c: CliContext) {
  const tty = Boolean(c.err.isTTY)
  return {
    update(p: DemoProgress) {
      if (!tty) return
      const key = p.phase === 'generate' ? 'cli.demo.progress_generate' : 'cli.demo.progress_load'
      c.err.write(`\r\x1b[2K${c.t(key, { done: p.done, total: p.total })}`)
    },
    clear() {
      if (tty) c.err.write('\r\x1b[2K')
    },
  }
}

function printSummary(c: CliContext, title: string, s: DemoSummary, seconds: number): void {
  const n = (v: number) => v.toLocaleString(c.lang)
  c.print(title)
  const rows: [string, number][] = [
    ['customers', s.customers],
    ['prospects', s.prospects],
    ['orders', s.orders],
    ['guest_orders', s.guestOrders],
    ['return_orders', s.returnOrders],
    ['order_items', s.orderItems],
    ['events', s.events],
    ['feedback', s.feedback],
  ]
  c.print(
    renderTable(
      [c.t('cli.demo.what'), c.t('cli.demo.count')],
      rows.map(([k, v]) => [c.t(`cli.demo.${k}`), n(v)]),
      [false, true],
    ),
  )
  c.print()
  c.print(
    c.t('cli.demo.date_range', {
      from: s.firstOrderDate ?? '—',
      to: s.lastOrderDate ?? '—',
      revenue: groupDigits(s.revenue),
    }),
  )
  c.print(c.t('cli.demo.took', { seconds: seconds.toFixed(1) }))
}

export const registerDemo: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('demo')
    .description(c().t('cli.demo.description'))
    .addOption(new Option('--customers <n>', c().t('cli.demo.opt.customers')))
    .addOption(new Option('--seed <seed>', c().t('cli.demo.opt.seed')))
    .addOption(new Option('--as-of <date>', c().t('cli.demo.opt.as_of')))
    .addOption(new Option('--out <dir>', c().t('cli.demo.opt.out')))
    .option('--json', c().t('cli.opt.json'))
    .action((flags: DemoFlags) => runDemo(c(), flags))
}

/** `strata demo` as a function, so `strata quickstart` loads the demo exactly as the command does. */
export async function runDemo(cx: CliContext, flags: DemoFlags): Promise<void> {
  const started = performance.now()
  const spec = {
    customers: parseCustomers(flags.customers),
    // Digits are a numeric seed; anything else is hashed (documented in the option help).
    seed: flags.seed === undefined ? undefined : /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed,
    asOf: flags.asOf,
  }
  const progress = progressLine(cx)
  if (flags.out) {
    const dir = resolve(flags.out)
    const result = await writeDemoFiles(dir, spec, (p) => progress.update(p)).finally(() => progress.clear())
    if (flags.json) return cx.printJson({ ok: true, out: dir, ...result })
    printSummary(
      cx,
      cx.t('cli.demo.title_files', { path: dir, seed: String(result.seed), asOf: result.asOf }),
      result,
      (performance.now() - started) / 1000,
    )
    return
  }
  const store = await cx.store()
  const result = await generateDemo(store.conn, {
    ...spec,
    memoryLimitMB: DEMO_MEMORY_MB,
    now: cx.nowText,
    onProgress: (p) => progress.update(p),
  }).finally(() => progress.clear())
  if (flags.json) return cx.printJson({ ok: true, db: store.path, ...result })
  printSummary(
    cx,
    cx.t('cli.demo.title_store', { path: store.path, seed: String(result.seed), asOf: result.asOf }),
    result,
    (performance.now() - started) / 1000,
  )
  cx.print(cx.t('cli.demo.next'))
}
