import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../support/run-cli.js'

// One demo store, two snapshots a month apart, a measured campaign: everything the report shows.
const dir = mkdtempSync(join(tmpdir(), 'strata-report-'))
const db = join(dir, 'store.duckdb')
const run = (...args: string[]) => cli([...args, '--db', db])

beforeAll(async () => {
  expect((await run('demo', '--customers', '600')).code).toBe(0)
  expect((await run('analyze', '--as-of', '2026-05-01', '--no-models')).code).toBe(0)
  expect((await run('analyze', '--as-of', '2026-06-01')).code).toBe(0)
  expect((await run('alerts', 'check', '--threshold', '0.05', '--min-customers', '10')).code).toBe(0)
  const created = await run(
    'campaign',
    'create',
    '--name',
    'june',
    '--rfm-segment',
    'Hibernating',
    '--holdout',
    '30%',
    '--start',
    '2026-06-01',
    '--end',
    '2026-06-28',
  )
  expect(created.code).toBe(0)
  expect((await run('campaign', 'measure', 'june')).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('weekly report', () => {
  const headings: Record<string, string[]> = {
    en: [
      'Weekly customer report',
      'Segment migration',
      'Cohorts by first-purchase month',
      'High-value customers at risk',
      'Campaign results',
      'Data quality',
      'Champions',
    ],
    'zh-CN': [
      '客户分层周报',
      '分群迁移',
      '按首购月份的同期群',
      '有流失风险的高价值客户',
      '营销活动效果',
      '数据质量',
      '冠军客户',
    ],
    'zh-TW': [
      '客戶分層週報',
      '分群遷移',
      '依首購月份的同期群',
      '有流失風險的高價值客戶',
      '行銷活動成效',
      '資料品質',
      '冠軍客戶',
    ],
  }
  for (const [lang, words] of Object.entries(headings)) {
    it(`renders a self-contained HTML in ${lang}`, async () => {
      const r = await run('report', 'weekly', '--as-of', '2026-06-30', '--lang', lang)
      expect(r.code).toBe(0)
      const html = r.out
      expect(html.startsWith('<!doctype html>')).toBe(true)
      expect(html).toContain(`<html lang="${lang}">`)
      for (const w of words) expect(html).toContain(w)
      // Charts are inline SVG (KPI trend, segments, Sankey, cohort heatmap); nothing is loaded from elsewhere.
      expect((html.match(/<svg /g) ?? []).length).toBe(4)
      expect(html).not.toMatch(/<script|src="http|href="http|<link /)
      // No personal data: demo e-mail addresses and phone numbers never appear.
      expect(html).not.toMatch(/@[a-z0-9-]+\.(com|cn|net)/)
      expect(html).toContain('june')
    })
  }

  it('prints a PDF with pages through Chromium and keeps past reports', async () => {
    const pdf = join(dir, 'weekly.pdf')
    const r = await run(
      'report',
      'weekly',
      '--as-of',
      '2026-06-30',
      '--format',
      'pdf',
      '--out',
      pdf,
      '--lang',
      'zh-CN',
    )
    expect(r.code).toBe(0)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const info = execFileSync('pdfinfo', [pdf]).toString()
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    expect(pages).toBeGreaterThanOrEqual(3)
    execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-png', pdf, join(dir, 'page')])
    const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))
    expect(png && existsSync(join(dir, png))).toBeTruthy()
    expect(readFileSync(join(dir, png!)).subarray(1, 4).toString()).toBe('PNG')
    const list = await run('report', 'list', '--json')
    const reports = JSON.parse(list.out) as { format: string; lang: string; path: string | null }[]
    expect(reports.length).toBe(4)
    expect(reports[0]).toMatchObject({ format: 'pdf', lang: 'zh-CN', path: pdf })
  }, 120_000)

  it('lists contact details of at-risk customers only when asked', async () => {
    const r = await run('report', 'weekly', '--as-of', '2026-06-30', '--with-contact')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/@[a-z0-9-]+\./)
  })

  it('shows the snapshot figures the store holds', async () => {
    const kpis = JSON.parse((await run('kpis', '--json')).out) as { customers: number; active: number }[]
    const html = (await run('report', 'weekly', '--as-of', '2026-06-30')).out
    const last = kpis.at(-1)!
    expect(html).toContain(`<div class="value">${last.customers.toLocaleString('en')}</div>`)
    expect(html).toContain(`<div class="value">${last.active.toLocaleString('en')}</div>`)
  })

  it('refuses a PDF without a file', async () => {
    const r = await run('report', 'weekly', '--format', 'pdf')
    expect(r.code).toBe(2)
    expect(r.err).toContain('--out')
  })
})
