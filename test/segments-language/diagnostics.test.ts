import { describe, expect, it } from 'vitest'
import { renderDiagnostic } from '../../src/core/diagnostics.js'
import '../../src/i18n/messages/index.js'
import { checkSegment, compileSegment, parseSegment } from '../../src/segments/language/index.js'
import { duckdbDialect } from '../../src/sql/duckdb/duckdb-dialect.js'

function diagnostics(text: string) {
  const r = checkSegment(text)
  if (r.ok) throw new Error(`expected diagnostics for ${text}`)
  return r.diagnostics
}

/** [definition, code, span, en, zh-CN, zh-TW] — the whole rendered line, position included. */
// biome-ignore format: one case per block reads best
const CASES: [string, string, [number, number], string, string, string][] = [
  ["rfm_segmnt = 'At Risk'", 'segment.unknown_field', [0, 10],
    '1:1: unknown field `rfm_segmnt`. Did you mean `rfm_segment`?',
    '1:1: 未知字段 `rfm_segmnt`。你是不是想写 `rfm_segment`?',
    '1:1: 未知欄位 `rfm_segmnt`。你是不是想寫 `rfm_segment`?'],
  ["p_alive = '高'", 'segment.type_mismatch', [10, 13],
    "1:11: p_alive is a number; '高' is text.",
    "1:11: p_alive 是数字;'高' 是文本。",
    "1:11: p_alive 是數字;'高' 是文字。"],
  ['city = ', 'segment.syntax.expected', [7, 7],
    "1:8: expected a value ('text', a number, true/false, a date such as 2024-03-05, -30d or today), found the end of the text.",
    "1:8: 此处应为一个值('文本'、数字、true/false、日期如 2024-03-05、-30d 或 today),但看到的是文本末尾。",
    "1:8: 此處應為一個值('文字'、數字、true/false、日期如 2024-03-05、-30d 或 today),但看到的是文字結尾。"],
  ["lifecycle = 'Churn'", 'segment.unknown_value', [12, 19],
    "1:13: lifecycle has no value 'Churn' (values: Prospect, New, Repeat, Loyal, At-risk, Churned). Did you mean `Churned`?",
    "1:13: lifecycle 没有取值 'Churn'(可选:潜在客户、新客户、回头客、忠实客户、流失预警、已流失)。你是不是想写 `已流失`?",
    "1:13: lifecycle 沒有取值 'Churn'(可選:潛在客戶、新客戶、回頭客、忠實客戶、流失預警、已流失)。你是不是想寫 `已流失`?"],
  // The valid values and the suggestion in the reader's language; the checker accepts every spelling.
  ["rfm_segment = '冠军'", 'segment.unknown_value', [14, 18],
    "1:15: rfm_segment has no value '冠军' (values: Champions, Loyal, Potential Loyalist, New Customers, Promising, Need Attention, About To Sleep, At Risk, Cannot Lose Them, Hibernating, Lost). Did you mean `Champions`?",
    "1:15: rfm_segment 没有取值 '冠军'(可选:冠军客户、忠诚客户、潜力忠诚客户、新客户、有潜力客户、需要关注、即将沉睡、流失风险、不能失去、休眠客户、已流失)。你是不是想写 `冠军客户`?",
    "1:15: rfm_segment 沒有取值 '冠军'(可選:冠軍客戶、忠誠客戶、潛力忠誠客戶、新客戶、具潛力客戶、需要關注、即將沉睡、流失風險、不能失去、休眠客戶、已流失)。你是不是想寫 `冠軍客戶`?"],
  ["orders_count(within: 90d, chanel: 'app') > 1", 'segment.unknown_arg', [26, 39],
    '1:27: orders_count has no argument `chanel` (it takes: within, channel). Did you mean `channel`?',
    '1:27: orders_count 没有参数 `chanel`(可用:within, channel)。你是不是想写 `channel`?',
    '1:27: orders_count 沒有參數 `chanel`(可用:within, channel)。你是不是想寫 `channel`?'],
  ['ordrs_count(within: 90d) > 1', 'segment.unknown_function', [0, 24],
    '1:1: unknown function `ordrs_count`. Did you mean `orders_count`?',
    '1:1: 未知函数 `ordrs_count`。你是不是想写 `orders_count`?',
    '1:1: 未知函式 `ordrs_count`。你是不是想寫 `orders_count`?'],
  ['last_order_at > 30d', 'segment.duration_not_date', [16, 19],
    '1:17: 30d is a length of time, not a date; for that long before the as-of date write -30d.',
    '1:17: 30d 是时长而不是日期;如果指截止日之前这么久,请写 -30d。',
    '1:17: 30d 是時長而不是日期;如果指截止日之前這麼久,請寫 -30d。'],
  ['signup_at > 2024-02-30', 'segment.syntax.bad_date', [12, 22],
    '1:13: `2024-02-30` is not a calendar date (write YYYY-MM-DD, e.g. 2024-03-05).',
    '1:13: `2024-02-30` 不是有效日期(请写 YYYY-MM-DD,如 2024-03-05)。',
    '1:13: `2024-02-30` 不是有效日期(請寫 YYYY-MM-DD,如 2024-03-05)。'],
  ['city = 上海', 'segment.bare_word', [7, 9],
    "1:8: put text in quotes: '上海'.",
    "1:8: 文本要加引号:'上海'。",
    "1:8: 文字要加引號:'上海'。"],
  ['orders_count(within: 90)', 'segment.bad_arg', [21, 23],
    '1:22: orders_count: within must be a length of time (like 90d), not 90.',
    '1:22: orders_count:within 应为时长(如 90d),而不是 90。',
    '1:22: orders_count:within 應為時長(如 90d),而不是 90。'],
  ['orders_count', 'segment.not_boolean', [0, 12],
    '1:1: orders_count is a number, not a yes/no condition: compare it, e.g. orders_count >= 1.',
    '1:1: orders_count 是数字,不能单独作为条件:请比较,例如 orders_count >= 1。',
    '1:1: orders_count 是數字,不能單獨作為條件:請比較,例如 orders_count >= 1。'],
  ["city >= 'a'", 'segment.op_not_allowed', [0, 11],
    '1:1: >= does not apply to city, which is text.',
    '1:1: >= 不能用于 city(文本)。',
    '1:1: >= 不能用於 city(文字)。'],
  ["city = '上海", 'segment.syntax.unterminated_string', [7, 10],
    "1:8: this text is never closed: add the closing quote '.",
    "1:8: 文本没有结束:请补上右引号 '。",
    "1:8: 文字沒有結束:請補上右引號 '。"],
  ['age = NULL', 'segment.syntax.null_value', [6, 10],
    '1:7: to test for a missing value write `IS NULL` (or `IS NOT NULL`), not `= NULL`.',
    '1:7: 判断缺失值请写 `IS NULL`(或 `IS NOT NULL`),不要写 `= NULL`。',
    '1:7: 判斷缺失值請寫 `IS NULL`(或 `IS NOT NULL`),不要寫 `= NULL`。'],
  ["city('x')", 'segment.field_called', [0, 9],
    '1:1: `city` is a field, not a function: compare it, e.g. city = …',
    '1:1: `city` 是字段而不是函数:请直接比较,例如 city = …',
    '1:1: `city` 是欄位而不是函式:請直接比較,例如 city = …'],
  ['last_order_at > -101y', 'segment.syntax.too_far', [16, 21],
    '1:17: `-101y` reaches too far (at most 100 years before or after the as-of date).',
    '1:17: `-101y` 超出范围(距分析日最多 100 年)。',
    '1:17: `-101y` 超出範圍(距分析日最多 100 年)。'],
  ["城巿 = 'x'", 'segment.unknown_field', [0, 2],
    '1:1: unknown field `城巿`. Did you mean `城市`?',
    '1:1: 未知字段 `城巿`。你是不是想写 `城市`?',
    '1:1: 未知欄位 `城巿`。你是不是想寫 `城市`?'],
]

describe('diagnostics a marketer can act on', () => {
  for (const [text, code, span, en, cn, tw] of CASES) {
    it(`${code}: ${text}`, () => {
      const [d, ...rest] = diagnostics(text)
      expect(rest).toEqual([])
      expect(d!.code).toBe(code)
      expect(d!.params?.['span']).toEqual(span)
      expect(renderDiagnostic(d!, 'en')).toBe(en)
      expect(renderDiagnostic(d!, 'zh-CN')).toBe(cn)
      expect(renderDiagnostic(d!, 'zh-TW')).toBe(tw)
    })
  }

  it('counts lines and columns from 1 across line breaks', () => {
    const [d] = diagnostics("city = '上海'\n  AND ag = 3")
    expect(d!.at).toEqual({ line: 2, column: 7 })
    expect(d!.params?.['span']).toEqual([18, 20])
  })

  it('reports every semantic problem at once, in text order', () => {
    const codes = diagnostics("citty = 'x' AND p_alive = 'high' AND foo() AND spent(within: 0d) > 1").map(
      (d) => d.code,
    )
    expect(codes).toEqual([
      'segment.unknown_field',
      'segment.type_mismatch',
      'segment.unknown_function',
      'segment.bad_arg',
    ])
  })

  it('refuses what can never be valid, with one syntax diagnostic', () => {
    for (const text of [
      '',
      '   ',
      '(',
      ')',
      'AND',
      'city = = 1',
      'NOT',
      "has_tag(within: 3d, 'x')",
      'a IN ()',
    ]) {
      const parsed = parseSegment(text)
      expect(parsed.ast).toBeNull()
      expect(parsed.diagnostics).toHaveLength(1)
      expect(parsed.diagnostics[0]!.code).toMatch(/^segment\.syntax\./)
    }
  })

  it('an in_segment name that is not saved is an error with did-you-mean when the segments are given', () => {
    const r = compileSegment("in_segment('VlP') AND in_segment('seg-2')", duckdbDialect, {
      asOf: '2024-07-01',
      snapshotId: null,
      segments: [
        { id: 'seg-1', name: 'VIP' },
        { id: 'seg-2', name: '高价值' },
      ],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.diagnostics).toHaveLength(1)
    expect(renderDiagnostic(r.diagnostics[0]!, 'en')).toBe(
      "1:12: there is no segment 'VlP'. Did you mean `VIP`?",
    )
    expect(renderDiagnostic(r.diagnostics[0]!, 'zh-CN')).toBe(
      "1:12: 没有名为 'VlP' 的客群。你是不是想写 `VIP`?",
    )
    expect(renderDiagnostic(r.diagnostics[0]!, 'zh-TW')).toBe(
      "1:12: 沒有名為 'VlP' 的客群。你是不是想寫 `VIP`?",
    )
  })

  it('never compiles a definition with a diagnostic', () => {
    const r = compileSegment("rfm_segment = 'Champoins'", duckdbDialect, {
      asOf: '2024-07-01',
      snapshotId: '1',
    })
    expect(r.ok).toBe(false)
  })
})
