import { readFileSync } from 'node:fs'
import { type Command, Option } from 'commander'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { audit } from '../../server/audit/audit-log.js'
import { createApiKey, revokeApiKey } from '../../server/auth/api-keys.js'
import { ROLES } from '../../server/auth/roles.js'
import { createUser, listUsers } from '../../server/auth/users.js'
import { createServer } from '../../server/index.js'
import { accessExport, eraseCustomer } from '../../server/privacy/erase.js'
import { replayDeliveries } from '../../server/webhooks/outbox.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { journalPathFor } from './serve.js'

function password(cx: CliContext): string {
  const fromEnv = cx.env['STRATA_PASSWORD']
  if (fromEnv) return fromEnv
  let text = ''
  try {
    text = readFileSync(0, 'utf8').split('\n')[0] ?? ''
  } catch {
    text = ''
  }
  if (!text) throw new StrataError({ code: 'server.user.no_password' })
  return text
}

const now = () => new Date()

/** `strata user …`, `strata apikey …`, `strata erase`, `strata access-export`, `strata webhook replay`. */
export const registerServerAdmin: RegisterCommand = (program: Command, ctx) => {
  const user = program.command('user').description(ctx().t('server.user.description'))
  user
    .command('create-admin')
    .description(ctx().t('server.user.create_admin'))
    .argument('<username>')
    .action(async (username: string) => {
      const cx = ctx()
      const u = await createUser((await cx.store()).conn, {
        username,
        password: password(cx),
        role: 'admin',
        now: now(),
      })
      cx.print(cx.t('server.user.created', { role: u.role, username: u.username, id: u.userId }))
    })
  user
    .command('create')
    .description(ctx().t('server.user.create'))
    .argument('<username>')
    .addOption(new Option('--role <role>').choices([...ROLES]).makeOptionMandatory())
    .action(async (username: string, opts: { role: string }) => {
      const cx = ctx()
      const u = await createUser((await cx.store()).conn, {
        username,
        password: password(cx),
        role: opts.role,
        now: now(),
      })
      cx.print(cx.t('server.user.created', { role: u.role, username: u.username, id: u.userId }))
    })
  user
    .command('list')
    .description(ctx().t('server.user.list'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: { json?: boolean }) => {
      const cx = ctx()
      const users = await listUsers((await cx.store()).conn)
      if (opts.json) return cx.printJson(users)
      cx.print(
        renderTable(
          ['id', 'username', 'role', 'created', 'disabled'],
          users.map((u) => [u.userId, u.username, u.role, u.createdAt, String(u.disabled)]),
        ),
      )
    })

  const apikey = program.command('apikey').description(ctx().t('server.apikey.description'))
  apikey
    .command('create')
    .description(ctx().t('server.apikey.create'))
    .argument('<name>')
    .requiredOption('--scopes <list>', 'track,read,admin')
    .action(async (name: string, opts: { scopes: string }) => {
      const cx = ctx()
      const k = await createApiKey((await cx.store()).conn, {
        name,
        scopes: opts.scopes.split(','),
        createdBy: null,
        now: now(),
      })
      cx.err.write(`${cx.t('server.apikey.created', { id: k.keyId, scopes: k.scopes.join(',') })}\n`)
      cx.print(k.key)
    })
  apikey
    .command('revoke')
    .description(ctx().t('server.apikey.revoke'))
    .argument('<id>')
    .action(async (id: string) => {
      const cx = ctx()
      if (!(await revokeApiKey((await cx.store()).conn, id, now())))
        throw new StrataError({ code: 'server.not_found', params: { what: id } }, EXIT.NOT_FOUND)
      cx.print(cx.t('server.apikey.revoked', { id }))
    })

  program
    .command('erase')
    .description(ctx().t('server.erase.description'))
    .argument('<customer>')
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (ref: string, opts: { json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const conn = store.conn
      // Apply what a stopped server left acknowledged in its journal first, then empty it: otherwise the
      // next start would replay the person's items back into the store.
      const server = await createServer({
        store,
        options: {
          journalPath: journalPathFor(cx.engineConfig()),
          webhooks: { pollMs: 0, maxAttempts: 1, baseDelayMs: 1000, timeoutMs: 1000 },
        },
      })
      const id = await resolveCustomerId(conn, ref)
      const result = await eraseCustomer(conn, id, cx.nowText())
      await server.live.forgetJournal()
      await server.close()
      if (result.rows === 0)
        throw new StrataError(
          { code: 'server.customer_not_found', params: { customer: ref } },
          EXIT.NOT_FOUND,
        )
      await audit(
        conn,
        { actor: 'cli' },
        { action: 'privacy.erase', detail: { rows: result.rows, tables: Object.keys(result.tables).length } },
        now(),
      )
      if (opts.json) return cx.printJson(result)
      cx.print(cx.t('server.erase.done', { tables: Object.keys(result.tables).length, rows: result.rows }))
    })

  program
    .command('access-export')
    .description(ctx().t('server.access_export.description'))
    .argument('<customer>')
    .action(async (ref: string) => {
      const cx = ctx()
      const conn = (await cx.store()).conn
      const id = await resolveCustomerId(conn, ref)
      const tables = await accessExport(conn, id)
      if (Object.keys(tables).length === 0)
        throw new StrataError(
          { code: 'server.customer_not_found', params: { customer: ref } },
          EXIT.NOT_FOUND,
        )
      await audit(conn, { actor: 'cli' }, { action: 'privacy.access_export', customerId: id }, now())
      cx.printJson({ customer_id: id, tables })
    })

  program
    .command('webhook-replay')
    .description(ctx().t('server.webhook.replay'))
    .argument('[delivery-id]')
    .action(async (deliveryId: string | undefined) => {
      const cx = ctx()
      const n = await replayDeliveries((await cx.store()).conn, { deliveryId, now: now() })
      cx.print(cx.t('server.webhook.replayed', { n }))
    })
}
