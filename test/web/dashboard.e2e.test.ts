import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, shoot } from './support/browser.js'
import { type RunningServer, startWebServer } from './support/web-server.js'

// One browser session walks the product as a new user would: set-up, demo data, overview, a customer,
// languages, then a viewer. Steps share state, so they run in order in one file.

const ADMIN = { username: 'admin', password: 'correct-horse-1' }
const VIEWER = { username: 'viewer1', password: 'viewer-pass-22' }
let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page

interface Kpis {
  customers: number
  active: number
  revenue: number
  repeatRate: number
}

async function apiJson<T>(path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`)
  expect(res.status(), path).toBe(200)
  return (await res.json()) as T
}

async function csrf(): Promise<string> {
  const cookies = await context.cookies()
  return cookies.find((c) => c.name === 'strata_csrf')?.value ?? ''
}

const digits = (s: string | null) => (s ?? '').replace(/[^\d]/g, '')

beforeAll(async () => {
  server = await startWebServer()
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('web dashboard end to end', () => {
  it('first run: creates the admin, then loads the demo data', async () => {
    await page.goto(server.url)
    await page.waitForURL('**/setup')
    await expect(page.getByRole('heading', { name: 'Welcome to Strata' }).isVisible()).resolves.toBe(true)
    await page.getByLabel('Admin username').fill(ADMIN.username)
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
    await page.getByLabel('Repeat the password').fill(ADMIN.password)
    await shoot(page, '01-setup-admin')
    await page.getByRole('button', { name: 'Create admin' }).click()
    await page.getByRole('heading', { name: 'Add your customers' }).waitFor()
    await shoot(page, '02-setup-data')
    await page.getByRole('button', { name: 'Load demo data' }).click()
    await page.getByTestId('kpi-customers-value').waitFor({ timeout: 60_000 })
    expect(new URL(page.url()).pathname).toBe('/')
  })

  it('overview: KPIs and charts show the numbers the API gives', async () => {
    const d = await apiJson<{ current: Kpis; segments: { bySegment: { key: string; customers: number }[] } }>(
      '/api/dashboard/overview',
    )
    expect(d.current.customers).toBe(2000)
    expect(digits(await page.getByTestId('kpi-customers-value').textContent())).toBe(
      String(d.current.customers),
    )
    expect(digits(await page.getByTestId('kpi-active-value').textContent())).toBe(String(d.current.active))
    expect(digits(await page.getByTestId('kpi-revenue-value').textContent())).toBe(
      String(Math.round(d.current.revenue)),
    )
    expect(await page.getByTestId('kpi-repeat-value').textContent()).toBe(
      new Intl.NumberFormat('en', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(d.current.repeatRate),
    )
    // The treemap is SVG: each segment's customer count is text in the page.
    await page.locator('[data-testid=chart-treemap] svg').waitFor()
    const treemap = await page.getByTestId('chart-treemap').textContent()
    const champions = d.segments.bySegment.find((s) => s.key === 'Champions')!
    expect(treemap).toContain('Champions')
    expect(treemap).toContain(champions.customers.toLocaleString('en'))
    for (const id of ['chart-rf', 'chart-funnel', 'chart-tiers'])
      await page.locator(`[data-testid=${id}] svg`).waitFor()
    const table = await page.getByTestId('segment-table').textContent()
    expect(table).toContain(champions.customers.toLocaleString('en'))
    await page.waitForTimeout(600) // chart entry animations
    await shoot(page, '03-overview-en')
  })

  it("customer 360°: opens a member's page with scores explained and a timeline", async () => {
    await page.getByRole('link', { name: 'Customers' }).click()
    await page.getByTestId('customer-table').waitFor()
    await shoot(page, '04-customers')
    const first = page.getByTestId('customer-table').locator('tbody tr th a').first()
    const id = (await first.textContent())!
    await first.click()
    await page.getByTestId('rfm').waitFor()
    await page.getByTestId('timeline').waitFor()
    const profile = await apiJson<{ customer: { email: string }; explanation: { segment: string | null } }>(
      `/api/customers/${encodeURIComponent(id)}`,
    )
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(id)
    expect(await page.locator('dd[data-field=email]').textContent()).toBe(profile.customer.email ?? '—')
    expect(await page.locator('.why').count()).toBeGreaterThanOrEqual(3)
    await shoot(page, '05-customer-360')
  })

  it('builds and saves a segment: live count as you type, then its page', async () => {
    await page.getByRole('link', { name: 'Segments' }).click()
    await page.getByRole('button', { name: '+ New segment' }).click()
    const definition = "rfm_segment IN ('Champions', 'Loyal') AND orders_count >= 3"
    const expected = await page.request.post(`${server.url}/api/segments/preview`, {
      data: { definition },
      headers: { 'x-csrf-token': await csrf() },
    })
    const preview = (await expected.json()) as { members: number }
    await page.getByTestId('segment-definition').pressSequentially(definition, { delay: 5 })
    await expect
      .poll(() => page.getByTestId('builder-members').textContent(), { timeout: 10_000 })
      .toBe(`${preview.members.toLocaleString('en')} customers`)
    // The visual editor shows the same definition as rows; editing a row rewrites the text.
    const rows = page.getByTestId('visual-editor').locator('li')
    expect(await rows.count()).toBe(2)
    await rows.nth(1).getByLabel('Operator').selectOption('>')
    expect(await page.getByTestId('segment-definition').inputValue()).toBe(
      "rfm_segment IN ('Champions', 'Loyal') AND orders_count > 3",
    )
    await page.getByTestId('segment-definition').fill(definition)
    // A mistake is reported, not counted.
    await page.getByTestId('segment-definition').press('End')
    await page.getByTestId('segment-definition').type(' AND')
    await page.getByTestId('builder-error').waitFor()
    await page.getByTestId('segment-definition').fill(definition)
    await page.getByTestId('builder-members').waitFor()
    await page.getByLabel('Name').fill('Best repeat buyers')
    await shoot(page, '06-segment-builder')
    await page.getByRole('button', { name: 'Save segment' }).click()
    await page.getByTestId('segment-members').waitFor()
    expect(digits(await page.getByTestId('segment-members').textContent())).toBe(String(preview.members))
    await page.getByTestId('segment-member-list').locator('li').first().waitFor()
    const rendered = await page.getByTestId('segment-member-list').locator('li').count()
    expect(rendered).toBeLessThan(Math.min(preview.members, 40)) // virtualised: only visible rows exist
    // The persona card of the segment, from GET /api/personas/card?segment=ID: same size, summary in English.
    await page.getByTestId('persona-card').waitFor()
    expect(digits(await page.getByTestId('persona-size').textContent())).toBe(String(preview.members))
    expect((await page.getByTestId('persona-summary').textContent())?.length).toBeGreaterThan(10)
    await page.getByTestId('persona-card').scrollIntoViewIfNeeded()
    await shoot(page, '07-segment-page')
    const second = await page.request.post(`${server.url}/api/segments`, {
      data: { name: 'Champions only', definition: "rfm_segment = 'Champions'" },
      headers: { 'x-csrf-token': await csrf() },
    })
    expect(second.status()).toBe(201)
    await page.getByRole('link', { name: '← Segments' }).click()
    expect(await page.getByTestId('segments').textContent()).toContain('Best repeat buyers')
    // Two segments: the overlap table shows each size on the diagonal.
    await page.getByTestId('overlap').waitFor()
    expect(await page.getByTestId('overlap').textContent()).toContain(preview.members.toLocaleString('en'))
    await shoot(page, '07b-segments-overlap')
  })

  it('imports a file: preview of the first rows, progress, quality report with the rejected row', async () => {
    await page.getByRole('link', { name: 'Import' }).click()
    await page.getByLabel('What the file holds').selectOption('orders')
    const csv = [
      'order_id,customer_id,ordered_at,amount,currency,status',
      'WEB-1,DC0000001,2026-06-01 10:00:00,120.50,CNY,paid',
      'WEB-2,DC0000002,2026-06-02 11:00:00,abc,CNY,paid',
      'WEB-3,DC0000003,2026-06-03 12:00:00,88,CNY,paid',
    ].join('\n')
    await page.getByLabel('File (CSV, JSON, NDJSON, Parquet, Excel)').setInputFiles({
      name: 'orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    })
    await page.getByTestId('import-preview').waitFor()
    expect(await page.getByTestId('import-preview').locator('tbody tr').count()).toBe(3)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByTestId('import-outcome').waitFor({ timeout: 30_000 })
    const outcome = (await page.getByTestId('import-outcome').textContent()) ?? ''
    expect(outcome).toContain('Done: 2 imported, 1 rejected')
    await shoot(page, '08-import')
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByTestId('users').waitFor()
    await shoot(page, '09-settings')
  })

  it('settings: a webhook with its secret shown once; the RFM map with a mistake shown, fixed and saved; a rule checked', async () => {
    await page.getByTestId('webhook-url').fill('https://crm.example.com/strata-hook')
    await page.getByLabel('Entries and exits of chosen segments').check()
    await page.getByLabel('Best repeat buyers').check()
    await page.getByRole('button', { name: 'Add webhook' }).click()
    await page.getByTestId('webhook-secret').waitFor()
    expect(await page.getByTestId('webhook-secret').locator('code').textContent()).toMatch(/^whsec_/)
    const hooks = await apiJson<{ items: { url: string; segments: string }[] }>('/api/webhooks')
    expect(hooks.items).toEqual([
      expect.objectContaining({ url: 'https://crm.example.com/strata-hook', segments: 'best-repeat-buyers' }),
    ])
    const row = await page.getByTestId('webhooks').locator('tbody tr').first().textContent()
    expect(row).toContain('https://crm.example.com/strata-hook')
    expect(row).toContain('Best repeat buyers')
    await page.getByTestId('deliveries-empty').waitFor()
    await shoot(page, '15-settings-webhooks')

    // The RFM map: 111 added to Champions while Lost still has it → named as repeated, save disabled.
    const champions = page.getByTestId('map-input-Champions')
    const lost = page.getByTestId('map-input-Lost')
    const lostCodes = await lost.inputValue()
    expect(lostCodes.split(' ')).toContain('111')
    await champions.fill(`${await champions.inputValue()} 111`)
    await page.getByTestId('map-problems').waitFor()
    expect(await page.getByTestId('map-problems').textContent()).toContain(
      '111 is in both “Champions” and “Lost”',
    )
    expect(await champions.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByTestId('map-save').isDisabled()).toBe(true)
    await shoot(page, '16-settings-rfm-map-error')
    await lost.fill(
      lostCodes
        .split(' ')
        .filter((c) => c !== '111')
        .join(' '),
    )
    await page.getByTestId('map-problems').waitFor({ state: 'detached' })
    await page.getByTestId('map-save').click()
    await page.getByTestId('map-saved').waitFor()
    const saved = await apiJson<{ rfm: { segments: Record<string, string[]> } }>('/api/settings/analysis')
    expect(saved.rfm.segments['Champions']).toContain('111')
    expect(saved.rfm.segments['Lost']).not.toContain('111')

    // A lifecycle rule out of range: the server's checker names the field; fixed, it saves.
    await page.getByLabel('Churned after (days)').fill('0')
    await page.getByTestId('rules-save').click()
    await page.getByTestId('rules-error').waitFor()
    expect(await page.getByLabel('Churned after (days)').getAttribute('aria-invalid')).toBe('true')
    await page.getByLabel('Churned after (days)').fill('240')
    await page.getByTestId('rules-save').click()
    await page.getByTestId('rules-error').waitFor({ state: 'detached' })
    await expect
      .poll(
        async () =>
          (await apiJson<{ lifecycle: { churnDays: number } }>('/api/settings/analysis')).lifecycle.churnDays,
      )
      .toBe(240)
    await shoot(page, '17-settings-rules-saved')
  })

  it('tags and clusters: a tag defined (the checker’s message first), clustering run; audience export of a segment', async () => {
    await page.getByRole('link', { name: 'Tags & clusters' }).click()
    await page.getByTestId('tags').waitFor()
    await page.getByTestId('tag-name').fill('vip-whale')
    await page.getByTestId('tag-definition').fill('monetry > 1000')
    await page.getByTestId('tag-save').click()
    await page.getByTestId('tag-problems').waitFor()
    expect(await page.getByTestId('tag-problems').textContent()).toContain('Did you mean `monetary`?')
    await shoot(page, '18-tags-error')
    await page.getByTestId('tag-definition').fill('monetary > 1000')
    await page.getByTestId('tag-save').click()
    await page.getByTestId('tag-saved').waitFor()
    const tags = await apiJson<{ items: { tag: string; customers: number }[] }>('/api/tags')
    const big = tags.items.find((x) => x.tag === 'vip-whale')!
    expect(await page.getByTestId('tag-saved').textContent()).toBe(
      `Tag vip-whale saved: ${big.customers.toLocaleString('en')} customers carry it.`,
    )
    const bigRow = page.getByTestId('tags').locator('tr', { hasText: 'vip-whale' })
    expect(digits(await bigRow.locator('td.num').textContent())).toBe(String(big.customers))
    await page.getByLabel('Number of clusters').selectOption('3')
    await page.getByTestId('cluster-run').click()
    await page.getByTestId('clusters').locator('li').nth(2).waitFor({ timeout: 60_000 })
    const clusters = await apiJson<{ items: { size: number }[] }>('/api/clusters')
    expect(clusters.items).toHaveLength(3)
    expect(await page.getByTestId('clusters').textContent()).toContain(
      clusters.items[0]!.size.toLocaleString('en'),
    )
    await shoot(page, '19-tags-clusters')

    await page.goto(`${server.url}/segments/best-repeat-buyers`)
    await page.getByTestId('audience-export').waitFor()
    await page.getByTestId('audience-format').selectOption('ads')
    const href = (await page.getByTestId('audience-export').getAttribute('href'))!
    expect(href).toBe('/api/audience/export?segment=best-repeat-buyers&format=ads')
    const file = await page.request.get(`${server.url}${href}`)
    expect(file.status()).toBe(200)
    await shoot(page, '20-segment-audience-export')
    await page.getByRole('link', { name: 'Overview' }).click()
  })

  it('switches language: Simplified and Traditional Chinese, numbers formatted per locale', async () => {
    await page.getByRole('link', { name: 'Overview' }).click()
    await page.getByTestId('kpi-customers-value').waitFor()
    await page.getByTestId('lang-switch').selectOption('zh-CN')
    await page.getByRole('heading', { name: '概览' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.getByTestId('kpi-customers').textContent()).toContain('客户数')
    // Charts redraw on the next animation frame.
    await expect.poll(() => page.getByTestId('chart-treemap').textContent()).toContain('冠军客户')
    await page.waitForTimeout(600)
    await shoot(page, '10-overview-zh-CN')
    // The new settings and the tags page read in Chinese too (no English left in their texts).
    await page.getByRole('link', { name: '设置' }).click()
    await page.getByRole('heading', { name: '分析规则' }).waitFor()
    for (const id of ['users', 'webhooks', 'deliveries-empty', 'segment-map'])
      await page.getByTestId(id).waitFor()
    expect(await page.locator('#webhooks').textContent()).toContain('投递记录')
    await shoot(page, '10b-settings-zh-CN')
    await page.getByRole('link', { name: '标签与聚类' }).click()
    await page.getByTestId('clusters').waitFor()
    await page.getByTestId('tags').waitFor()
    expect(await page.locator('#clusters').textContent()).toContain('保存为客群')
    await shoot(page, '10c-tags-zh-CN')
    await page.getByRole('link', { name: '概览' }).click()
    await page.getByTestId('kpi-customers-value').waitFor()
    await page.getByTestId('lang-switch').selectOption('zh-TW')
    await page.getByRole('heading', { name: '總覽' }).waitFor()
    await expect.poll(() => page.getByTestId('chart-treemap').textContent()).toContain('冠軍客戶')
    await page.waitForTimeout(600)
    await shoot(page, '11-overview-zh-TW')
    // The choice survives a reload (kept in this browser).
    await page.reload()
    await page.getByRole('heading', { name: '總覽' }).waitFor()
    await page.getByTestId('lang-switch').selectOption('en')
  })

  it('a viewer sees personal data masked', async () => {
    const created = await page.request.post(`${server.url}/api/users`, {
      data: { ...VIEWER, role: 'viewer' },
      headers: { 'x-csrf-token': await csrf() },
    })
    expect(created.status()).toBe(201)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to Strata' }).waitFor()
    await shoot(page, '12-login')
    await page.getByLabel('Username').fill(VIEWER.username)
    await page.getByLabel('Password').fill(VIEWER.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('role').waitFor()
    expect(await page.getByTestId('role').textContent()).toBe('Viewer')
    await page.getByRole('link', { name: 'Customers' }).click()
    await page.getByTestId('customer-table').waitFor()
    const first = page.getByTestId('customer-table').locator('tbody tr th a').first()
    await first.click()
    await page.getByTestId('profile').waitFor()
    const email = (await page.locator('dd[data-field=email]').textContent()) ?? ''
    const name = (await page.locator('dd[data-field=name]').textContent()) ?? ''
    expect(email).toMatch(/^.\*\*\*@/)
    expect(name).toMatch(/\*/)
    expect(await page.getByText('Personal data is masked for your role').isVisible()).toBe(true)
    await shoot(page, '13-customer-viewer-masked')
  })

  it('fits a tablet: navigation collapses, charts stack', async () => {
    await page.setViewportSize({ width: 768, height: 1024 })
    await page.getByRole('link', { name: 'Overview' }).click()
    await page.getByTestId('kpi-customers-value').waitFor()
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
    expect(overflow).toBeLessThanOrEqual(0)
    await page.waitForTimeout(600)
    await shoot(page, '14-overview-tablet')
  })
})
