// Importing this module registers every subsystem's tables, so any entry point (CLI, server, bench) opens a
// store at the same schema version. Each subsystem with tables adds its own line.
import './analytics/snapshot-tables.js'
import './models/backtest-store.js'
import './segments/segment-tables.js'
import './personas/tag-tables.js'
import './evaluation/evaluation-tables.js'
import './personas/persona-tables.js'
import './strategy/strategy-tables.js'
import './server/server-tables.js'
import './server/schedule/schedule-tables.js'
import './store/erased-identities.js'
