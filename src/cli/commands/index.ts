import type { RegisterCommand } from '../program.js'
import { registerAnalyze } from './analyze.js'
import { registerBacktest } from './backtest.js'
import { registerClv } from './clv.js'
import { registerCustomer } from './customer.js'
import { registerDemo } from './demo.js'
import { registerExport } from './export.js'
import { registerImport } from './import.js'
import { registerInit } from './init.js'
import { registerQuickstart } from './quickstart.js'
import { registerSegment } from './segment.js'
import { registerStatus } from './status.js'

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
]
