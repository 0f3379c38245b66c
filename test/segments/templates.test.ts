import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { SEGMENT_NAMES } from '../../src/analytics/rfm-segment-map.js'
import { LANGS } from '../../src/i18n/locale.js'
import { createSegment, findTemplate, segmentTemplates } from '../../src/segments/index.js'
import { compileSegment } from '../../src/segments/language/index.js'
import { duckdbDialect } from '../../src/sql/index.js'
import { loadFixture, SHOP } from '../analytics/fixture.js'
import { memoryStore } from './helpers.js'

describe('templates', () => {
  const templates = segmentTemplates()

  it('cover the 11 RFM segments, the 6 lifecycle stages, the 5 value tiers and a library', () => {
    expect(templates.filter((t) => t.group === 'rfm').map((t) => t.definition)).toEqual(
      Object.keys(SEGMENT_NAMES).map((s) => `rfm_segment = '${s}'`),
    )
    expect(templates.filter((t) => t.group === 'lifecycle')).toHaveLength(6)
    expect(templates.filter((t) => t.group === 'value')).toHaveLength(5)
    expect(templates.filter((t) => t.group === 'library').length).toBeGreaterThanOrEqual(10)
    expect(findTemplate('rfm-at-risk')?.definition).toBe("rfm_segment = 'At Risk'")
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length)
  })

  it('have a name and a description in every language', () => {
    for (const t of templates) {
      for (const lang of LANGS) {
        expect(t.name[lang], `${t.id} name ${lang}`).toBeTruthy()
        expect(t.description[lang], `${t.id} description ${lang}`).toBeTruthy()
      }
    }
  })

  it.each(templates.map((t) => [t.id, t.definition]))('%s compiles', (_id, definition) => {
    const result = compileSegment(definition, duckdbDialect, { asOf: '2024-07-01', snapshotId: '1' })
    expect(result.ok ? [] : result.diagnostics).toEqual([])
  })

  it('every template runs on an analysed store', async () => {
    const store = await memoryStore()
    await loadFixture(store.conn, SHOP)
    const { summary } = await analyze(store.conn, { asOf: '2024-07-01', createdAt: '2024-07-01 06:00:00' })
    const ctx = { asOf: '2024-07-01', snapshotId: summary.snapshotId }
    for (const t of templates) {
      await createSegment(
        store.conn,
        { name: t.name.en, definition: t.definition, templateId: t.id },
        { now: '2024-07-01 07:00:00', ctx },
      )
    }
    await store.close()
  })
})
