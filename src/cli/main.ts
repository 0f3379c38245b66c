import { runCli } from './program.js'

// `strata export … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

// The edge: real argv, environment and exit code.
const code = await runCli(process.argv.slice(2), process.env)
process.exitCode = code
