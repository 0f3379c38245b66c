import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { segmentTemplates } from '../../src/segments/index.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { loadFixture, SHOP } from '../analytics/fixture.js'
import { cli } from '../support/run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'strata-seg-cli-'))
const db = join(dir, 'shop.duckdb')
const run = (...args: string[]) => cli(['--db', db, ...args])
const runJson = async (...args: string[]) => {
  const r = await run(...args, '--json')
  expect(r.code, r.err).toBe(0)
  return JSON.parse(r.out)
}

beforeAll(async () => {
  const store = await openStore(db)
  await loadFixture(store.conn, SHOP)
  await store.conn.run(sql`UPDATE customers SET consent_marketing = (customer_id = 'c1')`)
  await store.close()
  expect((await run('analyze', '--as-of', '2024-07-01', '--no-models')).code).toBe(0)
})
afterAll(() => rmSync(db.replace(/shop\.duckdb$/, ''), { recursive: true, force: true }))

describe('strata segment', () => {
  it('templates lists every template, localised', async () => {
    expect((await runJson('segment', 'templates')).templates).toHaveLength(segmentTemplates().length)
    const zh = await cli(['--db', db, '--lang', 'zh-CN', 'segment', 'templates', '--group', 'rfm'])
    expect(zh.out).toContain('流失风险')
    expect(zh.out).toContain('rfm-at-risk')
  })

  it('preview counts without saving', async () => {
    const p = await runJson('segment', 'preview', "city IN ('上海', '成都')", '--sample', '5')
    expect(p).toMatchObject({ members: 2, population: 10, sample: ['c1', 'c2'] })
    expect(typeof p.elapsedMs).toBe('number')
    const text = await run('segment', 'preview', "city = '上海'")
    expect(text.out).toMatch(/members: 1 of 10 customers \(10\.0%\)/)
    expect((await runJson('segment', 'list')).segments).toEqual([])
  })

  it('create from a definition and from a template; an invalid definition is refused in the user language', async () => {
    const created = await run('segment', 'create', 'Shanghai', '--definition', "city = '上海'")
    expect(created.code, created.err).toBe(0)
    expect(created.out).toContain('Shanghai (shanghai): 1 members')
    const fromTemplate = await runJson('segment', 'create', '--template', 'rfm-champions')
    expect(fromTemplate.segment).toMatchObject({
      segmentId: 'rfm-champions',
      name: 'Champions',
      templateId: 'rfm-champions',
    })
    const bad = await cli([
      '--db',
      db,
      '--lang',
      'zh-CN',
      'segment',
      'create',
      'Bad',
      '--definition',
      'cty = 1',
    ])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/1:1/)
    expect(bad.err).toMatch(/[\u4e00-\u9fff]/)
    const missing = await run('segment', 'show', 'nope')
    expect(missing.code).toBe(4)
  })

  it('edit shows who would enter and leave, and saves only with --yes', async () => {
    const shown = await run('segment', 'edit', 'Shanghai', '--definition', "city = '成都'")
    expect(shown.code, shown.err).toBe(0)
    expect(shown.out).toContain('would enter: 1 (c2)')
    expect(shown.out).toContain('would leave: 1 (c1)')
    expect(shown.out).toContain('not saved')
    expect((await runJson('segment', 'show', 'shanghai')).segment.definition).toBe("city = '上海'")
    const saved = await runJson(
      'segment',
      'edit',
      'Shanghai',
      '--definition',
      "city IN ('上海', '成都')",
      '--yes',
    )
    expect(saved.diff.entering).toEqual({ count: 1, sample: ['c2'] })
    expect(saved.saved.segment.members).toBe(2)
  })

  it('analyze refreshes every dynamic segment; show prints the size series', async () => {
    const r = await run('analyze', '--as-of', '2024-07-01', '--no-models')
    expect(r.out).toContain('refreshed 2 segments')
    const shown = await runJson('segment', 'show', 'shanghai')
    expect(shown.sizes.map((s: { members: number }) => s.members)).toEqual([1, 2, 2])
    expect(shown.sizes.at(-1).snapshotId).toBe('2')
    const text = await run('segment', 'show', 'shanghai')
    expect(text.out).toContain('Size over time')
  })

  it('members streams CSV, NDJSON or a JSON array; --entered-since filters stays', async () => {
    const csv = await run('segment', 'members', 'shanghai')
    expect(csv.out.split('\n')[0]).toBe('customer_id,entered_at,exited_at')
    expect(
      csv.out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['c1', 'c2'])
    const nd = await run('segment', 'members', 'shanghai', '--format', 'ndjson')
    expect(
      nd.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).customer_id),
    ).toEqual(['c1', 'c2'])
    const arr = await run('segment', 'members', 'shanghai', '--json', '--entered-since', '2100-01-01')
    expect(JSON.parse(arr.out)).toEqual([])
    const bad = await run('segment', 'members', 'shanghai', '--entered-since', 'June')
    expect(bad.code).toBe(2)
  })

  it('export writes a file, honours --consented-only and records the export', async () => {
    const out = join(dir, 'shanghai.ndjson')
    const r = await run(
      'segment',
      'export',
      'shanghai',
      '--format',
      'ndjson',
      '--out',
      out,
      '--consented-only',
    )
    expect(r.code, r.err).toBe(0)
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).customer_id),
    ).toEqual(['c1'])
    expect(r.err).toContain('marketing consent only')
    const store = await openStore(db)
    const log = await store.conn.all(sql`SELECT format, consented_only, rows FROM segment_exports`)
    await store.close()
    expect(log).toEqual([{ format: 'ndjson', consented_only: true, rows: 1 }])
  })

  it('overlap, freeze, refresh, delete', async () => {
    const m = await runJson('segment', 'overlap', 'shanghai', 'rfm-champions')
    expect(m.shared[0][0]).toBe(2)
    const text = await run('segment', 'overlap', 'shanghai', 'Champions')
    expect(text.out).toContain('%')
    const frozen = await runJson('segment', 'freeze', 'shanghai', '--name', 'Frozen')
    expect(frozen.segment).toMatchObject({ kind: 'static', frozenFrom: 'shanghai', members: 2 })
    const refreshed = await runJson('segment', 'refresh')
    expect(refreshed.refreshed.map((s: { segmentId: string }) => s.segmentId).sort()).toEqual([
      'rfm-champions',
      'shanghai',
    ])
    expect((await run('segment', 'refresh', 'shanghai')).out).toContain('refreshed 1 segments')
    expect((await run('segment', 'delete', 'Frozen')).code).toBe(0)
    expect(
      (await runJson('segment', 'list')).segments.map((s: { segmentId: string }) => s.segmentId),
    ).toEqual(['rfm-champions', 'shanghai'])
  })

  it('a static list with an unknown id is rejected with file and line (exit 3)', async () => {
    const file = join(dir, 'list.txt')
    writeFileSync(file, 'c1\nc2\nghost\n')
    const r = await run('segment', 'create', 'List', '--file', file)
    expect(r.code).toBe(3)
    expect(r.err).toContain(`${file}:3`)
    const ok = await run('segment', 'create', 'List', '--file', file, '--allow-unknown')
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain('2 members from 3 lines (1 skipped)')
  })
})
