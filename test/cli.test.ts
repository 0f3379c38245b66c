import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/program.js'

function capture() {
  let text = ''
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString()
      done()
    },
  })
  return { stream, text: () => text }
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const out = capture()
  const err = capture()
  const code = await runCli(args, env, { out: out.stream, err: err.stream })
  return { code, out: out.text(), err: err.text() }
}

const db = () => join(mkdtempSync(join(tmpdir(), 'strata-cli-')), 'cli.duckdb')

describe('strata CLI', () => {
  it('prints help in the chosen language', async () => {
    const zh = await cli(['--lang', 'zh-CN', '--help'])
    expect(zh.code).toBe(0)
    expect(zh.out).toContain('精准客户分层')
    const tw = await cli(['--help'], { LANG: 'zh_TW.UTF-8' })
    expect(tw.out).toContain('精準客戶分層')
    const en = await cli(['--help'])
    expect(en.out).toContain('customer stratification')
  })

  it('exits 2 on an unknown command or language', async () => {
    expect((await cli(['no-such-command'])).code).toBe(2)
    const bad = await cli(['--lang', 'fr', 'status'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('unknown language "fr"')
  })

  it('reports an empty store as JSON, honouring --db and STRATA_DB', async () => {
    const path = db()
    const res = await cli(['status', '--json', '--db', path])
    expect(res.code).toBe(0)
    const json = JSON.parse(res.out)
    expect(json.db).toBe(path)
    expect(json.counts.orders).toBe(0)
    const viaEnv = await cli(['status', '--json'], { STRATA_DB: path })
    expect(JSON.parse(viaEnv.out).db).toBe(path)
  })
})
