import type { Command } from 'commander'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import type { Lang } from '../../i18n/locale.js'
import type { GroupRef, Localized } from '../../personas/index.js'
import type { CliContext } from '../context.js'

/** Subcommands get the same error handling and help flag as top-level ones. */
export function sub(cmd: Command, cx: () => CliContext): Command {
  return cmd.exitOverride().helpOption('-h, --help', cx().t('cli.opt.help'))
}

export function pct(cx: CliContext, v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return v.toLocaleString(cx.lang, { style: 'percent', maximumFractionDigits: digits })
}

export function num(cx: CliContext, v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return v.toLocaleString(cx.lang, { maximumFractionDigits: digits })
}

/** A stored three-language text in the user's language (English when missing). */
export function pick(text: Partial<Localized> | null | undefined, lang: Lang): string {
  return text?.[lang] ?? text?.en ?? ''
}

/** A whole number ≥ min from a flag, or a usage error naming the flag. */
export function intFlag(value: string, field: string, min = 1): number {
  const n = Number(value)
  if (!(Number.isInteger(n) && n >= min))
    throw new StrataError(
      { code: 'cli.personas.bad_int', params: { value, field, min }, at: { field, value } },
      EXIT.USAGE,
    )
  return n
}

export interface GroupFlags {
  segment?: string
  cluster?: string
  rfm?: string
  lifecycle?: string
  tier?: string
  tag?: string
  persona?: string
  all?: boolean
}

/** Exactly one of the group flags, as a group reference. */
export function groupFrom(flags: GroupFlags, prefix = ''): GroupRef {
  const given: GroupRef[] = []
  if (flags.segment !== undefined) given.push({ kind: 'segment', value: flags.segment })
  if (flags.cluster !== undefined)
    given.push({ kind: 'cluster', value: intFlag(flags.cluster, `--${prefix}cluster`) })
  if (flags.rfm !== undefined) given.push({ kind: 'rfm', value: flags.rfm })
  if (flags.lifecycle !== undefined) given.push({ kind: 'lifecycle', value: flags.lifecycle })
  if (flags.tier !== undefined) given.push({ kind: 'tier', value: flags.tier })
  if (flags.tag !== undefined) given.push({ kind: 'tag', value: flags.tag })
  if (flags.persona !== undefined) given.push({ kind: 'persona', value: flags.persona })
  if (flags.all) given.push({ kind: 'all' })
  if (given.length !== 1)
    throw new StrataError({ code: 'cli.personas.one_group', params: { prefix } }, EXIT.USAGE)
  return given[0]!
}

/** Adds the group flags (`--segment`, `--cluster` …, with a prefix such as `seed-`). */
export function groupOptions(cmd: Command, cx: () => CliContext, prefix = ''): Command {
  const t = (k: string) => cx().t(`cli.personas.opt.${k}`)
  return cmd
    .option(`--${prefix}segment <id-or-name>`, t('segment'))
    .option(`--${prefix}cluster <n>`, t('cluster'))
    .option(`--${prefix}rfm <segment>`, t('rfm'))
    .option(`--${prefix}lifecycle <stage>`, t('lifecycle'))
    .option(`--${prefix}tier <tier>`, t('tier'))
    .option(`--${prefix}tag <tag>`, t('tag'))
    .option(`--${prefix}persona <name>`, t('persona'))
}

/** Commander camel-cases prefixed flags (`--seed-segment` → seedSegment); this strips the prefix. */
export function unprefixed(opts: Record<string, unknown>, prefix: string): GroupFlags {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(opts)) {
    if (!k.startsWith(prefix)) continue
    const rest = k.slice(prefix.length)
    out[rest.charAt(0).toLowerCase() + rest.slice(1)] = v
  }
  return out as GroupFlags
}
