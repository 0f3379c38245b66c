// Importers: files in, canonical rows out, nothing lost. See CONTEXT.md for the pipeline and its promises.

// --- what a file may hold and how its columns map ----------------------------------------------------
export {
  type FieldDef,
  type FieldType,
  fieldsOf,
  IMPORT_KINDS,
  type ImportKind,
  maybeImportKind,
} from './fields.js'
// --- the pipeline ------------------------------------------------------------------------------------
export {
  defaultSource,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  importFile,
} from './import-file.js'
export { type MappedColumn, type Mapping, parseMapOption, resolveMapping } from './mapping.js'
// --- reading and cell parsing (their own folders) ----------------------------------------------------
export * from './parse/index.js'
export {
  maybePreset,
  type OrderDraft,
  PRESET_NAMES,
  PRESETS,
  type Preset,
  settleByNet,
} from './presets/index.js'
export { emptyReport, type QualityReport } from './quality-report.js'
export * from './read/index.js'
export { renderReport } from './report-text.js'
