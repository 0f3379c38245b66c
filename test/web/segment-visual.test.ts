import { describe, expect, it } from 'vitest'
import { parseSegment, printSegment } from '../../src/segments/language/index.js'
import { rowsToText, textToRows, valueText } from '../../web/src/lib/segment-visual.js'

describe('visual editor ⇄ text', () => {
  it('reads the top-level conditions of a definition as rows', () => {
    const rows = textToRows(
      "rfm_segment IN ('Champions', 'Loyal') AND frequency >= 3 AND (city = '上海' OR has_tag('vip'))",
    )
    expect(rows).toEqual({
      mode: 'and',
      rows: [
        { kind: 'condition', field: 'rfm_segment', op: 'IN', value: "'Champions', 'Loyal'" },
        { kind: 'condition', field: 'frequency', op: '>=', value: '3' },
        { kind: 'text', text: "city = '上海' OR has_tag('vip')" },
      ],
    })
  })

  it('rows print back to the canonical text, which parses to the same tree', () => {
    const text =
      "rfm_segment IN ('Champions', 'Loyal') AND frequency >= 3 AND (city = '上海' OR has_tag('vip'))"
    const back = rowsToText(textToRows(text)!)
    expect(back).toBe(printSegment(parseSegment(text).ast!))
  })

  it('an edited row changes the text; unquoted words are quoted, numbers and dates stay bare', () => {
    const rows = textToRows("city = '上海' AND frequency >= 3")!
    const edited = {
      ...rows,
      rows: [
        { kind: 'condition' as const, field: 'city', op: 'IN' as const, value: '上海, 北京' },
        rows.rows[1]!,
      ],
    }
    expect(rowsToText(edited)).toBe("city IN ('上海', '北京') AND frequency >= 3")
    expect(rowsToText({ mode: 'or', rows: edited.rows })).toBe("city IN ('上海', '北京') OR frequency >= 3")
    expect(valueText('-30d')).toBe('-30d')
    expect(valueText('2026-01-31')).toBe('2026-01-31')
    expect(valueText("O'Brien")).toBe("'O''Brien'")
  })

  it('text that does not parse gives no rows (the editor waits), empty text gives none', () => {
    expect(textToRows('frequency >= ')).toBeNull()
    expect(textToRows('   ')).toEqual({ mode: 'and', rows: [] })
  })
})
