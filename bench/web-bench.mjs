// The web dashboard at scale (issue 7): how fast the overview is interactive after navigation, and how fast
// the segment builder's count follows typing, in a real browser against `strata serve` on a big store.
// Not a timed test — a script that prints a markdown table.
//
//   node bench/web-bench.mjs [--db /work/bench-data/demo-1m.duckdb] [--runs 5] [--typings 3] [--keep]
//   node bench/web-bench.mjs --db /work/scratch/me/demo-1m.duckdb --in-place   (the file is already a copy)
//   add --no-settle to type the last character after a fixed pause (see below)
//
// The store is COPIED (DuckDB allows one process per file; the original is never opened) into a temp folder
// that is removed at the end, unless --in-place says the file given is already a scratch copy. Needs `npm run build` (dist/ and web/dist/) and /usr/bin/chromium.
// Reference figures from the same run: the API answer times of the routes each page waits for, so the
// browser's share (fetch, parse, React, ECharts) is the ratio between the two.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_FLAGS } from '../dist/core/chromium.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? fallback : process.argv[i + 1]
}
const source = option('db', '/work/bench-data/demo-1m.duckdb')
const runs = Number(option('runs', '5'))
const typings = Number(option('typings', '3'))
const keep = process.argv.includes('--keep')
const inPlace = process.argv.includes('--in-place')
// --no-settle: type the last character after a fixed 900 ms pause, whether or not the previous text's
// answers have landed (its preview may still be running: the case of someone who resumes typing).
const settle = !process.argv.includes('--no-settle')
const ADMIN = { username: 'bench', password: 'bench-password-1' }

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x) => `${x.toFixed(0)} ms`

function startServer(db) {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'strata.js'), 'serve', '--port', '0', '--db', db],
    {
      env: {
        ...process.env,
        STRATA_LANG: 'en',
        STRATA_ADMIN_USER: ADMIN.username,
        STRATA_ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 180_000)
    const read = (b) => {
      out += b.toString()
      const m = /serving on (http:\/\/[\d.]+:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[1] })
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}`)))
  })
}

/** Peak resident memory of a process (Linux VmHWM), MB. */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : null
  } catch {
    return null
  }
}

async function timed(fn) {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function main() {
  if (!existsSync(join(root, 'web', 'dist', 'index.html'))) throw new Error('run `npm run build` first')
  const dir = mkdtempSync(join(tmpdir(), 'strata-web-bench-'))
  const db = inPlace ? source : join(dir, 'store.duckdb')
  const copySeconds = inPlace ? 0 : (await timed(async () => copyFileSync(source, db))) / 1000
  const loadBefore = loadavg()
  const { child, url } = await startServer(db)
  const browser = await chromium.launch({
    executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS],
  })
  const rows = []
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    const login = await page.request.post(`${url}/api/auth/login`, { data: ADMIN })
    if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`)
    const csrf = (await context.cookies()).find((c) => c.name === 'strata_csrf')?.value ?? ''
    const status = await (await page.request.get(`${url}/api/status`)).json()

    // Reference: the overview's API answer alone.
    const api = []
    for (let i = 0; i < runs; i++)
      api.push(await timed(() => page.request.get(`${url}/api/dashboard/overview`)))

    // Overview interactive after navigation: from the click on "Overview" (coming from the customers page)
    // until the five KPIs and the four charts are drawn.
    const ready = async () => {
      await page.getByTestId('kpi-clv-value').waitFor({ timeout: 60_000 })
      for (const id of ['chart-treemap', 'chart-rf', 'chart-funnel', 'chart-tiers'])
        await page.locator(`[data-testid=${id}] svg`).waitFor({ timeout: 60_000 })
    }
    const cold = await timed(async () => {
      await page.goto(`${url}/`)
      await ready()
    })
    const nav = []
    for (let i = 0; i < runs; i++) {
      await page.getByRole('link', { name: 'Customers' }).click()
      await page.getByTestId('customer-table').waitFor({ timeout: 60_000 })
      nav.push(
        await timed(async () => {
          await page.getByRole('link', { name: 'Overview' }).click()
          await ready()
        }),
      )
    }

    // Builder: the count after typing stops. Each case types its last character, then waits for the count
    // of the full definition (known from the preview API) to show, not greyed out as stale.
    const cases = [
      'frequency >= 4',
      "rfm_segment IN ('At Risk', 'Cannot Lose Them') AND p_alive < 0.3",
      "lifecycle = 'Loyal' AND city = '上海'",
      'last_order_at > -30d AND monetary > 500',
    ]
    await page.goto(`${url}/segments/new`)
    const editor = page.getByTestId('segment-definition')
    await editor.waitFor()
    const builder = []
    const builderFull = []
    const previewApi = []
    const countApi = []
    for (const definition of cases) {
      const expected = await page.request.post(`${url}/api/segments/preview`, {
        data: { definition },
        headers: { 'x-csrf-token': csrf },
      })
      if (expected.status() !== 200)
        throw new Error(`preview failed for ${definition}: ${await expected.text()}`)
      const members = (await expected.json()).members.toLocaleString('en')
      for (let i = 0; i < typings; i++) {
        countApi.push(
          await timed(() =>
            page.request.post(`${url}/api/segments/preview/count`, {
              data: { definition },
              headers: { 'x-csrf-token': csrf },
            }),
          ),
        )
        previewApi.push(
          await timed(() =>
            page.request.post(`${url}/api/segments/preview`, {
              data: { definition },
              headers: { 'x-csrf-token': csrf },
            }),
          ),
        )
        await editor.fill(definition.slice(0, -1))
        // Let the partial definition's answers (count, then revenue and sample — or its error) land: the
        // measure starts from a settled page, as when someone pauses, then types the last character.
        await page.waitForTimeout(900)
        if (settle)
          await page.waitForFunction(
            () => {
              const el = document.querySelector('[data-testid=builder-count]')
              if (!el) return false
              if (el.querySelector('[data-testid=builder-error]')) return true
              return !el.textContent.includes('…') && !el.querySelector('.stale')
            },
            undefined,
            { timeout: 60_000, polling: 100 },
          )
        // Count shown, then (separately) the revenue share shown too — the whole preview's figures.
        const t0 = performance.now()
        await editor.press(definition.slice(-1))
        await page.waitForFunction(
          (want) => {
            const el = document.querySelector('[data-testid=builder-members]')
            return el && !el.classList.contains('stale') && el.textContent === want
          },
          `${members} customers`,
          { timeout: 60_000, polling: 'raf' },
        )
        builder.push(performance.now() - t0)
        await page.waitForFunction(
          () => {
            const el = document.querySelector('[data-testid=builder-count]')
            return el && !el.textContent.includes('…') && !el.querySelector('.stale')
          },
          undefined,
          { timeout: 60_000, polling: 'raf' },
        )
        builderFull.push(performance.now() - t0)
      }
    }

    rows.push([
      'store',
      `${status.counts.customers.toLocaleString('en')} customers, ${status.counts.orders.toLocaleString('en')} orders (copy: ${copySeconds.toFixed(1)} s)`,
    ])
    rows.push([
      'API `GET /api/dashboard/overview` (reference; answers are reused 15 s per snapshot)',
      `first ${ms(api[0])}, then median ${ms(median(api.slice(1)))}`,
    ])
    rows.push(['overview, first load (`goto /`, bundle + API + charts)', ms(cold)])
    rows.push([
      'overview interactive after navigation (target ≤ 2 s)',
      `median ${ms(median(nav))}, max ${ms(Math.max(...nav))} `,
    ])
    rows.push([
      'API `POST /api/segments/preview` (reference)',
      `median ${ms(median(previewApi))}, max ${ms(Math.max(...previewApi))}`,
    ])
    rows.push([
      'API `POST /api/segments/preview/count` (reference; absent before the count-first builder → 404 time)',
      `median ${ms(median(countApi))}, max ${ms(Math.max(...countApi))}`,
    ])
    rows.push([
      `builder count shown after the last keystroke (target ≤ 500 ms; includes the debounce), ${builder.length} typings${settle ? '' : ', fixed 900 ms pause'}`,
      `median ${ms(median(builder))}, max ${ms(Math.max(...builder))}`,
    ])
    rows.push([
      'builder revenue share and sample shown after the last keystroke',
      `median ${ms(median(builderFull))}, max ${ms(Math.max(...builderFull))}`,
    ])
    const loadAfter = loadavg()
    rows.push([
      'load average (1 / 5 / 15 min) before → after',
      `${loadBefore.map((x) => x.toFixed(1)).join(' / ')} → ${loadAfter.map((x) => x.toFixed(1)).join(' / ')}`,
    ])
    rows.push(['server peak RSS', `${(peakRssMb(child.pid) ?? 0).toFixed(0)} MB`])
  } finally {
    await browser.close()
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
  console.log(`\n| measure (${runs} runs) | result |\n|---|---|`)
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`)
}

await main()
