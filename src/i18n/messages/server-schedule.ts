import type { Message } from '../translate.js'
import { registerCatalog } from '../translate.js'

// [key, en, zh-CN, zh-TW] — the server's scheduled weekly report and the evaluation routes.
const M: [string, Message, Message, Message][] = [
  [
    'server.schedule.bad_when',
    'not a weekly time: "{value}" (expected a weekday and a UTC time, e.g. "mon 08:00")',
    '不是有效的每周时间:"{value}"(应为星期几加 UTC 时间,例如 "mon 08:00")',
    '不是有效的每週時間:"{value}"(應為星期幾加 UTC 時間,例如 "mon 08:00")',
  ],
  [
    'server.serve.opt.weekly_report',
    'check drift and write the weekly report every week at this UTC time, e.g. "mon 08:00" (or STRATA_WEEKLY_REPORT)',
    '每周在该 UTC 时间检查漂移并生成周报,例如 "mon 08:00"(或 STRATA_WEEKLY_REPORT)',
    '每週在該 UTC 時間檢查漂移並產生週報,例如 "mon 08:00"(或 STRATA_WEEKLY_REPORT)',
  ],
  [
    'server.schedule.enabled',
    'Weekly report scheduled: {when} UTC.',
    '已计划每周报告:UTC {when}。',
    '已排程每週報告:UTC {when}。',
  ],
]

registerCatalog({
  en: Object.fromEntries(M.map(([k, en]) => [k, en])),
  'zh-CN': Object.fromEntries(M.map(([k, , cn]) => [k, cn])),
  'zh-TW': Object.fromEntries(M.map(([k, , , tw]) => [k, tw])),
})
