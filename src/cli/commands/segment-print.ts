import type {
  EditDiff,
  OverlapMatrix,
  SegmentInfo,
  SegmentPreview,
  SegmentTemplate,
  SizePoint,
  SizeRecord,
} from '../../segments/index.js'
import type { CliContext } from '../context.js'
import { renderTable } from '../table.js'

// Human output of `strata segment …`: tables and lines in the user's language. JSON output bypasses this.

const count = (cx: CliContext, n: number) => n.toLocaleString(cx.lang)
const money = (cx: CliContext, n: number | null) =>
  n === null ? '—' : n.toLocaleString(cx.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const pct = (cx: CliContext, x: number | null) =>
  x === null
    ? '—'
    : x.toLocaleString(cx.lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })

export function printSegmentList(cx: CliContext, segments: readonly SegmentInfo[]): void {
  if (segments.length === 0) {
    cx.print(cx.t('cli.segment.none'))
    return
  }
  const headers = ['id', 'name', 'kind', 'members', 'computed_at', 'definition'].map((h) =>
    cx.t(`cli.segment.col.${h}`),
  )
  const rows = segments.map((s) => [
    s.segmentId,
    s.name,
    cx.t(`cli.segment.kind.${s.kind}`),
    count(cx, s.members),
    s.computedAt ?? '—',
    s.kind === 'static'
      ? cx.t('cli.segment.static_list', { source: s.frozenFrom ?? '' })
      : (s.definition ?? ''),
  ])
  cx.print(renderTable(headers, rows, [false, false, false, true, false, false]))
}

export function printShow(cx: CliContext, s: SegmentInfo, sizes: readonly SizePoint[]): void {
  cx.print(`${s.name} (${s.segmentId}) — ${cx.t(`cli.segment.kind.${s.kind}`)}`)
  if (s.description) cx.print(s.description)
  if (s.definition) cx.print(`${cx.t('cli.segment.col.definition')}: ${s.definition}`)
  if (s.frozenFrom) cx.print(cx.t('cli.segment.frozen_from', { source: s.frozenFrom }))
  if (s.templateId) cx.print(cx.t('cli.segment.from_template', { template: s.templateId }))
  cx.print(
    cx.t('cli.segment.current', {
      members: s.members,
      computed: s.computedAt ?? '—',
      asOf: s.computedAsOf ?? '—',
    }),
  )
  cx.print()
  cx.print(cx.t('cli.segment.size_history'))
  const headers = ['computed_at', 'as_of', 'snapshot', 'members', 'entered', 'exited', 'revenue'].map((h) =>
    cx.t(`cli.segment.col.${h}`),
  )
  const rows = sizes.map((p) => [
    p.computedAt,
    p.asOf ?? '—',
    p.snapshotId ?? '—',
    count(cx, p.members),
    `+${count(cx, p.entered)}`,
    `−${count(cx, p.exited)}`,
    money(cx, p.revenue),
  ])
  cx.print(renderTable(headers, rows, [false, false, false, true, true, true, true]))
}

export function printPreview(cx: CliContext, p: SegmentPreview): void {
  cx.print(`${cx.t('cli.segment.col.definition')}: ${p.canonical}`)
  cx.print(cx.t('cli.segment.context', { asOf: p.ctx.asOf, snapshot: p.ctx.snapshotId ?? '—' }))
  cx.print(
    cx.t('cli.segment.preview_count', {
      members: count(cx, p.members),
      population: count(cx, p.population),
      share: pct(cx, p.shareOfCustomers),
    }),
  )
  cx.print(
    cx.t('cli.segment.preview_revenue', {
      revenue: money(cx, p.revenue),
      share: pct(cx, p.shareOfRevenue),
    }),
  )
  cx.print(cx.t('cli.segment.sample', { ids: p.sample.join(', ') || '—' }))
  if (p.elapsedMs !== null) cx.print(cx.t('cli.segment.elapsed', { ms: Math.round(p.elapsedMs) }))
}

export function printDiff(cx: CliContext, d: EditDiff): void {
  cx.print(`${cx.t('cli.segment.col.definition')}: ${d.segment.definition ?? ''}`)
  cx.print(`  → ${d.canonical}`)
  cx.print(cx.t('cli.segment.diff_sizes', { before: count(cx, d.before), after: count(cx, d.after) }))
  cx.print(
    cx.t('cli.segment.diff_entering', {
      n: count(cx, d.entering.count),
      ids: d.entering.sample.join(', ') || '—',
    }),
  )
  cx.print(
    cx.t('cli.segment.diff_leaving', {
      n: count(cx, d.leaving.count),
      ids: d.leaving.sample.join(', ') || '—',
    }),
  )
}

export function printOverlap(cx: CliContext, m: OverlapMatrix): void {
  const names = m.segments.map((s) => s.name)
  const rows = m.segments.map((s, i) => [
    s.name,
    ...m.shared[i]!.map((n, j) => `${count(cx, n)} (${pct(cx, m.percent[i]![j]!)})`),
  ])
  cx.print(cx.t('cli.segment.overlap_note'))
  cx.print(renderTable([cx.t('cli.segment.col.name'), ...names], rows, [false, ...names.map(() => true)]))
}

export function printSize(cx: CliContext, segmentId: string, s: SizeRecord): void {
  cx.print(
    cx.t('cli.segment.size_line', {
      id: segmentId,
      members: count(cx, s.members),
      entered: count(cx, s.entered),
      exited: count(cx, s.exited),
    }),
  )
}

export function printTemplates(cx: CliContext, templates: readonly SegmentTemplate[]): void {
  const headers = ['template', 'group', 'name', 'definition'].map((h) => cx.t(`cli.segment.col.${h}`))
  const rows = templates.map((t) => [
    t.id,
    cx.t(`cli.segment.group.${t.group}`),
    t.name[cx.lang],
    t.definition,
  ])
  cx.print(renderTable(headers, rows))
  cx.print()
  cx.print(cx.t('cli.segment.templates_hint'))
}
