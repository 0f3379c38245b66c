// Importing this module registers every subsystem's messages. Each subsystem adds its own line.
import './cli.js'
import './ingest-read.js'
import './store.js'
import './analytics.js'
import './ingest.js'
import './demo.js'
import './models.js'
import './clickhouse.js'
