import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze, parseAnalysisConfig } from '../../src/analytics/index.js'
import { StrataError } from '../../src/core/diagnostics.js'
import '../../src/i18n/messages/index.js'
import { LANGS } from '../../src/i18n/locale.js'
import { t } from '../../src/i18n/translate.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import '../../src/tables.js'
import {
  allPlaybookIds,
  checkPlaybookEdit,
  choosePlaybook,
  defaultPlaybook,
  editPlaybook,
  getPlaybook,
  INDUSTRIES,
  INDUSTRY_PRESETS,
  INTENTS,
  listPlaybooks,
  nextActionFor,
  PLAYBOOK_FIELDS,
  PLAYBOOK_INTENT,
  presetValueTiers,
  resetPlaybook,
  resolvePlaybookId,
  setStoreIndustry,
  storeIndustry,
} from '../../src/strategy/index.js'
import { loadBaskets } from './basket-fixture.js'

const CJK = /[\u4e00-\u9fff]/

describe('shipped playbooks', () => {
  it('every RFM segment (11) and lifecycle stage (6) has one, with an intent', () => {
    expect(allPlaybookIds()).toHaveLength(17)
    for (const id of allPlaybookIds()) expect(INTENTS).toContain(PLAYBOOK_INTENT[id])
  })

  it('every playbook × preset × language × field is filled in', () => {
    for (const industry of INDUSTRIES) {
      for (const id of allPlaybookIds()) {
        for (const lang of LANGS) {
          const text = defaultPlaybook(id, industry, lang)
          for (const field of PLAYBOOK_FIELDS) {
            const value = text[field]
            if (field === 'actions') {
              expect(Array.isArray(value) && value.length >= 2, `${industry} ${id} ${lang} actions`).toBe(
                true,
              )
              for (const a of value as readonly string[])
                expect(a.trim().length, `${id} ${lang}`).toBeGreaterThan(5)
            } else {
              expect((value as string).trim().length, `${industry} ${id} ${lang} ${field}`).toBeGreaterThan(5)
            }
          }
          // Chinese texts are written in Chinese (not English left in place); English goals have no Han.
          if (lang !== 'en') expect(text.goal, `${id} ${lang}`).toMatch(CJK)
          else expect(text.goal).not.toMatch(CJK)
        }
        // Simplified and Traditional are written separately, not the same string twice.
        expect(defaultPlaybook(id, industry, 'zh-TW').offer).not.toBe(
          defaultPlaybook(id, industry, 'zh-CN').offer,
        )
      }
    }
  })

  it('a preset replaces actions, offer, channel and KPI; goal and cadence stay the segment’s', () => {
    const retail = defaultPlaybook('rfm:At Risk', 'retail', 'en')
    const finance = defaultPlaybook('rfm:At Risk', 'finance', 'en')
    expect(finance.goal).toBe(retail.goal)
    expect(finance.cadence).toBe(retail.cadence)
    expect(finance.offer).not.toBe(retail.offer)
    expect(finance.actions.join()).toContain('mature')
    expect(defaultPlaybook('rfm:Champions', 'social', 'zh-CN').actions.join()).toContain('核心群')
  })

  it('every name a playbook shows has a message in each language', () => {
    const keys = [
      ...PLAYBOOK_FIELDS.map((f) => `strategy.field.${f}`),
      ...INTENTS.map((i) => `strategy.intent.${i}`),
      ...INDUSTRIES.flatMap((i) => [`strategy.industry.${i}`, `strategy.preset.changes.${i}`]),
      ...['net_spend', 'assets', 'visits'].map((m) => `strategy.measure.${m}`),
      ...['prospect', 'overdue', 'overdue_high_value', 'worth'].map((w) => `strategy.why.${w}`),
    ]
    for (const lang of LANGS) for (const key of keys) expect(t(lang, key), `${lang} ${key}`).not.toBe(key)
  })

  it('preset analysis settings are valid analysis config', () => {
    for (const industry of INDUSTRIES) {
      const parsed = parseAnalysisConfig(INDUSTRY_PRESETS[industry].analysisConfig, `${industry} preset`)
      expect(parsed.ok, industry).toBe(true)
    }
    const social = parseAnalysisConfig(INDUSTRY_PRESETS.social.analysisConfig)
    expect(social.ok && social.value.lifecycle.churnDays).toBe(90)
  })
})

describe('finding and choosing a playbook', () => {
  it('resolves ids, names in three languages and any case', () => {
    expect(resolvePlaybookId('champions')).toBe('rfm:Champions')
    expect(resolvePlaybookId('冠軍客戶')).toBe('rfm:Champions')
    expect(resolvePlaybookId('Loyal')).toBe('rfm:Loyal')
    expect(resolvePlaybookId('lifecycle:loyal')).toBe('lifecycle:Loyal')
    expect(resolvePlaybookId('忠实客户')).toBe('lifecycle:Loyal')
    expect(resolvePlaybookId('At-risk')).toBe('lifecycle:At-risk')
    expect(resolvePlaybookId('at risk')).toBe('rfm:At Risk')
    expect(() => resolvePlaybookId('VIPs')).toThrow(StrataError)
  })

  it('timing first for overdue customers, except the high-value rescue segments', () => {
    expect(choosePlaybook(null, 'Prospect')).toEqual({ id: 'lifecycle:Prospect', rule: 'prospect' })
    expect(choosePlaybook('Hibernating', 'Churned')).toEqual({ id: 'lifecycle:Churned', rule: 'overdue' })
    expect(choosePlaybook('Loyal', 'At-risk')).toEqual({ id: 'lifecycle:At-risk', rule: 'overdue' })
    expect(choosePlaybook('Cannot Lose Them', 'Churned')).toEqual({
      id: 'rfm:Cannot Lose Them',
      rule: 'overdue_high_value',
    })
    expect(choosePlaybook('At Risk', 'At-risk')).toEqual({ id: 'rfm:At Risk', rule: 'overdue_high_value' })
    expect(choosePlaybook('Champions', 'Loyal')).toEqual({ id: 'rfm:Champions', rule: 'worth' })
  })
})

describe('edits', () => {
  it('checks fields, types, lengths and languages, with paths', () => {
    const good = checkPlaybookEdit({ offer: '满 ¥199 减 ¥30', actions: ['a', 'b'] }, { lang: 'zh-CN' })
    expect(good).toEqual({ ok: true, value: { 'zh-CN': { offer: '满 ¥199 减 ¥30', actions: ['a', 'b'] } } })
    const perLang = checkPlaybookEdit({ en: { goal: 'x' }, 'zh-TW': { kpi: 'y' } })
    expect(perLang.ok && Object.keys(perLang.value)).toEqual(['en', 'zh-TW'])
    const bad = checkPlaybookEdit(
      { en: { offre: 'x', goal: '', actions: [], kpi: 3, channel: 'x'.repeat(601) }, fr: { goal: 'x' } },
      { file: 'edit.yaml' },
    )
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.diagnostics.map((d) => [d.code, d.at?.field])).toEqual([
        ['strategy.playbook.unknown_field', 'en.offre'],
        ['strategy.playbook.empty_text', 'en.goal'],
        ['strategy.playbook.bad_actions', 'en.actions'],
        ['strategy.playbook.not_text', 'en.kpi'],
        ['strategy.playbook.too_long', 'en.channel'],
        ['strategy.playbook.unknown_lang', 'fr'],
      ])
      expect(bad.diagnostics[0]!.at?.file).toBe('edit.yaml')
    }
    expect(checkPlaybookEdit('text').ok).toBe(false)
  })

  it('are stored per playbook, preset and language, merged, and reset', async () => {
    const store = await openStore(':memory:')
    try {
      const conn = store.conn
      const now = '2026-03-01 10:00:00'
      await editPlaybook(
        conn,
        'rfm:Champions',
        { en: { offer: 'Free gift wrap' } },
        { industry: 'retail', now },
      )
      await editPlaybook(
        conn,
        'rfm:Champions',
        { en: { actions: ['Call them'] } },
        { industry: 'retail', now },
      )
      const edited = await getPlaybook(conn, 'rfm:Champions', { industry: 'retail', lang: 'en' })
      expect(edited.text.offer).toBe('Free gift wrap')
      expect(edited.text.actions).toEqual(['Call them'])
      expect(edited.edited).toEqual(['actions', 'offer'])
      expect(edited.text.goal).toBe(defaultPlaybook('rfm:Champions', 'retail', 'en').goal)
      const zh = await getPlaybook(conn, 'rfm:Champions', { industry: 'retail', lang: 'zh-CN' })
      expect(zh.edited).toEqual([])
      const social = await getPlaybook(conn, 'rfm:Champions', { industry: 'social', lang: 'en' })
      expect(social.text.offer).toBe(defaultPlaybook('rfm:Champions', 'social', 'en').offer)
      const list = await listPlaybooks(conn, { industry: 'retail', lang: 'en' })
      expect(list.filter((p) => p.edited.length).map((p) => p.id)).toEqual(['rfm:Champions'])
      expect(await resetPlaybook(conn, 'rfm:Champions', { industry: 'retail' })).toBe(1)
      expect((await getPlaybook(conn, 'rfm:Champions', { industry: 'retail', lang: 'en' })).edited).toEqual(
        [],
      )
      expect(await storeIndustry(conn)).toBe('retail')
      await setStoreIndustry(conn, 'healthcare')
      expect(await storeIndustry(conn)).toBe('healthcare')
    } finally {
      await store.close()
    }
  })
})

describe('value measure and next action on a hand-made store', () => {
  let store: Store
  beforeAll(async () => {
    store = await openStore(':memory:')
    await loadBaskets(store.conn)
    await analyze(store.conn, { asOf: '2026-02-01', createdAt: '2026-02-01 00:00:00' })
  })
  afterAll(() => store.close())

  const tiers = async (measure: 'net_spend' | 'assets' | 'visits') => {
    const rows = await store.conn.all<{ customer_id: string; value: number; value_tier: string }>(sql`
      SELECT customer_id, value, value_tier FROM (${presetValueTiers(store.conn.dialect, '1', measure, {
        basis: 'monetary',
        high: 0.2,
        potential: 0.5,
        regular: 0.8,
      })}) t ORDER BY customer_id`)
    return Object.fromEntries(rows.map((r) => [r.customer_id, [r.value, r.value_tier]]))
  }

  it('net spend reproduces the analytics’ own value tiers', async () => {
    const stored = await store.conn.all<{ customer_id: string; value_tier: string }>(
      sql`SELECT customer_id, value_tier FROM customer_scores WHERE snapshot_id = '1' AND value_tier IS NOT NULL ORDER BY 1`,
    )
    const mine = await tiers('net_spend')
    expect(stored.length).toBe(4)
    for (const r of stored) expect(mine[r.customer_id]![1]).toBe(r.value_tier)
  })

  it('finance ranks by attributes.assets (missing or not a number → 0)', async () => {
    // 2,000,000 + 500,000 = 2.5M: c2 has nothing above it → high; c1 has 80% above → low; c3, c4 value 0.
    expect(await tiers('assets')).toEqual({
      c1: [500000, 'low'],
      c2: [2000000, 'high'],
      c3: [0, 'low'],
      c4: [0, 'low'],
    })
  })

  it('healthcare ranks by visits (purchase orders)', async () => {
    // c1, c2, c3 three visits each (o12 was cancelled), c4 one: 9 of 10 visits are above c4.
    expect(await tiers('visits')).toEqual({
      c1: [3, 'high'],
      c2: [3, 'high'],
      c3: [3, 'high'],
      c4: [1, 'low'],
    })
  })

  it('the next action for a customer follows the chosen playbook, preset and consent', async () => {
    const c1 = await nextActionFor(store.conn, 'c1', { industry: 'finance', lang: 'zh-CN' })
    const segment = (await store.conn.one<{ s: string }>(
      sql`SELECT rfm_segment AS s FROM customer_scores WHERE customer_id = 'c1'`,
    ))!.s
    expect(c1.playbook.id).toBe(choosePlaybook(segment, c1.lifecycle).id)
    expect(c1.nextAction).toBe(c1.playbook.text.actions[0])
    expect(c1).toMatchObject({
      marketingConsent: true,
      valueMeasure: 'assets',
      value: 500000,
      valueTier: 'low',
    })
    expect(c1.playbook.industry).toBe('finance')
    const c2 = await nextActionFor(store.conn, 'c2', { industry: 'retail', lang: 'en' })
    expect(c2.marketingConsent).toBe(false)
    await expect(nextActionFor(store.conn, 'nobody', { industry: 'retail', lang: 'en' })).rejects.toThrow(
      StrataError,
    )
  })
})
