import type { RegisterCommand } from '../program.js'
import { registerStatus } from './status.js'

/** Every CLI command, in the order `--help` lists them. Each command module adds its own line here. */
export const COMMANDS: RegisterCommand[] = [registerStatus]
