import type { Diagnostic, Result } from '../core/diagnostics.js'
import type { AnalysisConfig } from './analysis-config.js'
import { DEFAULT_CONFIG } from './analysis-config.js'
import { checkSegmentMap, defaultSegmentMap } from './rfm-segment-map.js'

type Json = unknown
type Mutable = Record<string, unknown>

/** Objects whose keys are free (not fixed by the defaults): their values are checked per entry. */
const FREE_KEYS: Record<string, 'number[]' | 'string[]'> = {
  'rfm.thresholds': 'number[]',
  'rfm.segments': 'string[]',
}
const THRESHOLD_KEYS = new Set(['r', 'f', 'm'])

function isObject(v: Json): v is Mutable {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function kindOf(v: Json): string {
  if (Array.isArray(v)) return v.every((x) => typeof x === 'number') ? 'number[]' : 'string[]'
  return v === null ? 'null' : typeof v
}

/** Overlays `input` on `base` following the shape of the defaults; every mismatch is a diagnostic. */
function overlay(base: Json, input: Json, path: string, file: string | undefined, out: Diagnostic[]): Json {
  const at = (value: Json) => ({ file, field: path, value: JSON.stringify(value) })
  if (isObject(base) || FREE_KEYS[path]) {
    if (!isObject(input)) {
      out.push({ code: 'analytics.config.not_object', params: { path }, at: at(input) })
      return base
    }
    const free = FREE_KEYS[path]
    const result: Mutable = free ? {} : { ...(base as Mutable) }
    if (path === 'rfm.segments' && Object.keys(input).length === 0) return base
    for (const [key, value] of Object.entries(input)) {
      const sub = path ? `${path}.${key}` : key
      if (free) {
        if (path === 'rfm.thresholds' && !THRESHOLD_KEYS.has(key)) {
          out.push({
            code: 'analytics.config.unknown_field',
            params: { path: sub },
            at: { file, field: sub },
          })
        } else if (!Array.isArray(value) || kindOf(value) !== free) {
          const where = { file, field: sub, value: JSON.stringify(value) }
          out.push({ code: 'analytics.config.wrong_type', params: { path: sub, expected: free }, at: where })
        } else result[key] = value
        continue
      }
      if (!(key in (base as Mutable))) {
        out.push({ code: 'analytics.config.unknown_field', params: { path: sub }, at: { file, field: sub } })
        continue
      }
      result[key] = overlay((base as Mutable)[key], value, sub, file, out)
    }
    return result
  }
  const expected = kindOf(base)
  const actual = kindOf(input)
  const fits = expected === actual || (Array.isArray(base) && Array.isArray(input) && input.length === 0)
  if (!fits) {
    out.push({ code: 'analytics.config.wrong_type', params: { path, expected }, at: at(input) })
    return base
  }
  return input
}

function rangeChecks(c: AnalysisConfig, file: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = []
  const bad = (path: string, rule: string, value: Json) =>
    out.push({
      code: 'analytics.config.out_of_range',
      params: { path, rule },
      at: { file, field: path, value: JSON.stringify(value) },
    })
  if (c.rfm.bins !== 4 && c.rfm.bins !== 5) bad('rfm.bins', '4 | 5', c.rfm.bins)
  for (const [dim, list] of Object.entries(c.rfm.thresholds)) {
    if (!list) continue
    const ascending = list.every((v, i) => i === 0 || v > list[i - 1]!)
    if (list.length !== c.rfm.bins - 1 || !ascending) {
      bad(`rfm.thresholds.${dim}`, `${c.rfm.bins - 1} ascending numbers`, list)
    }
  }
  const days = ['churnDays', 'oneTimeAtRiskDays', 'atRiskMinDays'] as const
  for (const k of days) {
    const v = c.lifecycle[k]
    if (!Number.isInteger(v) || v < 1) bad(`lifecycle.${k}`, 'whole number ≥ 1', v)
  }
  const window = c.features.preferenceDays
  if (!Number.isInteger(window) || window < 0) bad('features.preferenceDays', 'whole number ≥ 0', window)
  if (!(c.lifecycle.atRiskIntervalMultiple > 0)) bad('lifecycle.atRiskIntervalMultiple', '> 0', 0)
  const loyal = c.lifecycle.loyal
  if (!Number.isInteger(loyal.minOrders) || loyal.minOrders < 2)
    bad('lifecycle.loyal.minOrders', 'whole number ≥ 2', loyal.minOrders)
  for (const k of ['minR', 'minF'] as const) {
    const v = loyal[k]
    if (!Number.isInteger(v) || v < 1 || v > c.rfm.bins) bad(`lifecycle.loyal.${k}`, `1 … ${c.rfm.bins}`, v)
  }
  if (!(c.lifecycle.pAliveChurn >= 0 && c.lifecycle.pAliveChurn <= 1))
    bad('lifecycle.pAliveChurn', '0 … 1', c.lifecycle.pAliveChurn)
  const t = c.valueTiers
  if (t.basis !== 'monetary' && t.basis !== 'clv') bad('valueTiers.basis', 'monetary | clv', t.basis)
  if (!(t.high > 0 && t.high < t.potential && t.potential < t.regular && t.regular <= 1))
    bad('valueTiers', '0 < high < potential < regular ≤ 1', [t.high, t.potential, t.regular])
  const b = c.churnBands
  if (!(b.medium > 0 && b.medium < b.high && b.high < 1))
    bad('churnBands', '0 < medium < high < 1', [b.medium, b.high])
  return out
}

/**
 * Reads an analysis config (parsed JSON) over the defaults. Every problem is reported with the field
 * path (`lifecycle.churnDays`) and the file; nothing is thrown.
 *
 * @example
 * parseAnalysisConfig({ lifecycle: { churnDays: 365 } }, 'strata.config.json')
 * // { ok: true, value: { …DEFAULT_CONFIG, lifecycle: { …, churnDays: 365 } } }
 */
export function parseAnalysisConfig(
  input: Json,
  file?: string,
  base: AnalysisConfig = DEFAULT_CONFIG,
): Result<AnalysisConfig> {
  const diagnostics: Diagnostic[] = []
  let merged = overlay(base, input, '', file, diagnostics) as AnalysisConfig
  // A bin count without a map of its own gets the default map for that many bins.
  const binsChanged = merged.rfm.bins !== base.rfm.bins
  const ownMap = isObject(input) && isObject(input['rfm']) && 'segments' in input['rfm']
  if (binsChanged && !ownMap && (merged.rfm.bins === 4 || merged.rfm.bins === 5)) {
    merged = { ...merged, rfm: { ...merged.rfm, segments: defaultSegmentMap(merged.rfm.bins) } }
  }
  diagnostics.push(...rangeChecks(merged, file))
  if (merged.rfm.segments && (merged.rfm.bins === 4 || merged.rfm.bins === 5)) {
    const check = checkSegmentMap(merged.rfm.segments, merged.rfm.bins)
    diagnostics.push(...check.map((d) => ({ ...d, at: { file, field: 'rfm.segments', ...d.at } })))
  }
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, value: merged }
}
