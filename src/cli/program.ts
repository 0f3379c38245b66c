import { Command, CommanderError, Option } from 'commander'
import { EXIT, renderDiagnostic, StrataError } from '../core/diagnostics.js'
import { detectLang, LANGS, type Lang, maybeLang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import '../i18n/messages/index.js'
import '../tables.js'
import { ENGINES } from '../sql/open-engine.js'
import { COMMANDS } from './commands/index.js'
import { type CliContext, createContext } from './context.js'

/** A command module: adds its subcommand(s) to the program; actions get the context lazily. */
export type RegisterCommand = (program: Command, ctx: () => CliContext) => void

function langFromArgv(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  if (i < 0) return undefined
  const a = argv[i]!
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1]
}

/**
 * Runs the CLI and returns the exit code (never calls process.exit, so tests can run it in-process).
 *
 * @example
 * await runCli(['status', '--json'], process.env)
 */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: { out?: CliContext['out']; err?: CliContext['err']; now?: () => Date } = {},
): Promise<number> {
  const requested = langFromArgv(argv)
  const lang: Lang = detectLang(requested, env)
  const err = io.err ?? process.stderr
  if (requested !== undefined && !maybeLang(requested)) {
    err.write(`${t(lang, 'cli.bad_lang', { value: requested, choices: LANGS.join(', ') })}\n`)
    return EXIT.USAGE
  }
  let context: ReturnType<typeof createContext> | undefined
  const program = new Command('strata')
    .description(t(lang, 'cli.description'))
    .addOption(new Option('--db <file>', t(lang, 'cli.opt.db')))
    .addOption(new Option('--engine <name>', t(lang, 'engine.opt.engine')).choices([...ENGINES]))
    .addOption(new Option('--url <url>', t(lang, 'engine.opt.url')))
    .addOption(new Option('--database <name>', t(lang, 'engine.opt.database')))
    .addOption(new Option('--lang <lang>', t(lang, 'cli.opt.lang')).choices([...LANGS]))
    .helpOption('-h, --help', t(lang, 'cli.opt.help'))
    .helpCommand('help [command]', t(lang, 'cli.help_command'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void (io.out ?? process.stdout).write(s),
      writeErr: (s) => void err.write(s),
    })
  const ctx = () => {
    context ??= createContext({ lang, engine: () => program.opts(), env, out: io.out, err, now: io.now })
    return context
  }
  for (const register of COMMANDS) register(program, ctx)
  for (const sub of program.commands) sub.exitOverride().helpOption('-h, --help', t(lang, 'cli.opt.help'))

  try {
    await program.parseAsync(['node', 'strata', ...argv])
    return EXIT.OK
  } catch (error) {
    return reportError(error, lang, err, argv.includes('--json') ? (io.out ?? process.stdout) : undefined)
  } finally {
    await context?.closeStore()
  }
}

function reportError(
  error: unknown,
  lang: Lang,
  err: NodeJS.WritableStream,
  json: NodeJS.WritableStream | undefined,
): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are successes.
    return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE
  }
  if (error instanceof StrataError) {
    const all = [error.diagnostic, ...error.more]
    if (json) {
      json.write(
        `${JSON.stringify({ ok: false, diagnostics: all.map((d) => ({ ...d, message: renderDiagnostic(d, lang) })) }, null, 2)}\n`,
      )
    }
    for (const d of all.slice(0, 50))
      err.write(`${t(lang, 'cli.error_prefix')}${renderDiagnostic(d, lang)}\n`)
    if (all.length > 50) err.write(`${t(lang, 'cli.more_errors', { n: all.length - 50 })}\n`)
    return error.exitCode
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
  err.write(`${t(lang, 'cli.internal_error', { message })}\n`)
  return EXIT.INTERNAL
}
