import type { RegisterCommand } from '../program.js'
import { registerAnalyze } from './analyze.js'
import { registerAudience } from './audience.js'
import { registerBacktest } from './backtest.js'
import { registerCampaign } from './campaign.js'
import { registerCluster } from './cluster.js'
import { registerClv } from './clv.js'
import { registerCohorts } from './cohorts.js'
import { registerCustomer } from './customer.js'
import { registerDemo } from './demo.js'
import { registerExport } from './export.js'
import { registerImport } from './import.js'
import { registerInit } from './init.js'
import { registerKpis } from './kpis.js'
import { registerLookalike } from './lookalike.js'
import { registerMigration } from './migration.js'
import { registerPersona } from './persona.js'
import { registerPlaybook } from './playbook.js'
import { registerQuickstart } from './quickstart.js'
import { registerRecommend } from './recommend.js'
import { registerReport } from './report.js'
import { registerSegment } from './segment.js'
import { registerServe } from './serve.js'
import { registerServerAdmin } from './server-admin.js'
import { registerStatus } from './status.js'
import { registerTag } from './tag.js'

/** Every CLI command, in the order `--help` lists them. Each command module adds its own line here. */
export const COMMANDS: RegisterCommand[] = [
  registerQuickstart,
  registerInit,
  registerStatus,
  registerAnalyze,
  registerExport,
  registerCustomer,
  registerImport,
  registerDemo,
  registerClv,
  registerBacktest,
  registerSegment,
  registerTag,
  registerCluster,
  registerPersona,
  registerLookalike,
  registerMigration,
  registerCohorts,
  registerCampaign,
  registerKpis,
  registerReport,
  registerPlaybook,
  registerRecommend,
  registerAudience,
  registerServe,
  registerServerAdmin,
]
