// Importing this module registers every subsystem's messages. Each subsystem adds its own line.
import './cli.js'
import './store.js'
