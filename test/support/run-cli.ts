import { Writable } from 'node:stream'
import { runCli } from '../../src/cli/program.js'

/** A writable that keeps what is written, for reading a command's output in-process. */
export function capture() {
  let text = ''
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString()
      done()
    },
  })
  return { stream, text: () => text }
}

/** Runs `strata …` in-process with the given environment; returns the exit code and both outputs. */
export async function cli(args: string[], env: Record<string, string> = {}) {
  const out = capture()
  const err = capture()
  const code = await runCli(args, env, { out: out.stream, err: err.stream })
  return { code, out: out.text(), err: err.text() }
}
