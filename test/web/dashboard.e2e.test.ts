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
