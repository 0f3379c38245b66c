// Demo data: a deterministic Chinese omnichannel retailer with social group-buying (see CONTEXT.md).

// --- the vocabulary of the generated data ----------------------------------------------------------------
export { CATEGORIES } from './catalog.js'
export type { DemoFilesResult } from './demo-files.js'
export { writeDemoFiles } from './demo-files.js'
// --- options and results ---------------------------------------------------------------------------------
export type { DemoSpec, ResolvedSpec } from './demo-options.js'
export {
  DEFAULT_AS_OF,
  DEFAULT_CUSTOMERS,
  DEFAULT_SEED,
  MAX_CUSTOMERS,
  resolveDemoSpec,
} from './demo-options.js'
export type { DemoProgress, DemoSummary } from './demo-summary.js'
export type { DemoTable } from './demo-tables.js'
export { DEMO_TABLE_NAMES, DEMO_TABLES } from './demo-tables.js'
// --- generating into the store, or into files ------------------------------------------------------------
export type { DemoLoadResult, GenerateDemoOptions } from './generate-demo.js'
export { generateDemo } from './generate-demo.js'
export type { PersonaName } from './personas.js'
export { CHANNELS, PERSONAS } from './personas.js'
export { DEMO_SOURCE } from './store-load.js'
