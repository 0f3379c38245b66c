import { describe, expect, it } from 'vitest'
import { StrataError } from '../../src/core/diagnostics.js'
import { t } from '../../src/i18n/translate.js'
import { clickhouseDialect } from '../../src/sql/clickhouse/clickhouse-dialect.js'
import { duckdbDialect } from '../../src/sql/duckdb/duckdb-dialect.js'
import '../../src/i18n/messages/index.js'

/** What cannot run on ClickHouse fails with a StrataError naming the feature and the engine, in every language. */
describe('[clickhouse] features a cluster cannot run', () => {
  it('[clickhouse] refuses to update stored customers through a Distributed table, in en, zh-CN and zh-TW', () => {
    const update = () =>
      clickhouseDialect({ cluster: 'main' }).updateFromScratch(
        'customers',
        'customer_id',
        ['city'],
        'changes',
      )
    expect(update).toThrow(StrataError)
    let error: StrataError | undefined
    try {
      update()
    } catch (e) {
      error = e as StrataError
    }
    expect(error!.diagnostic).toEqual({
      code: 'sql.unsupported.cluster_update',
      params: { engine: 'clickhouse' },
    })
    const texts = (['en', 'zh-CN', 'zh-TW'] as const).map((lang) =>
      t(lang, error!.diagnostic.code, error!.diagnostic.params),
    )
    expect(texts[0]).toMatch(/^Changing customers already stored .* clickhouse engine on a cluster/)
    expect(texts[1]).toContain('clickhouse 引擎在集群上不支持修改已有客户')
    expect(texts[2]).toContain('clickhouse 引擎在叢集上不支援修改既有客戶')
    // One node, and DuckDB, write the update.
    expect(
      clickhouseDialect().updateFromScratch('customers', 'customer_id', ['city'], 'changes'),
    ).toHaveLength(3)
    expect(duckdbDialect.updateFromScratch('customers', 'customer_id', ['city'], 'changes')).toHaveLength(1)
  })
})
