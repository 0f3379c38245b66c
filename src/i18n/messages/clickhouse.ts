import { registerCatalog } from '../translate.js'

// Engine choice (src/sql/open-engine.ts) and `strata init` (issue 10: ClickHouse as a second engine).
registerCatalog({
  en: {
    'engine.opt.engine':
      'engine that holds the store: duckdb (default, a file), chdb (embedded ClickHouse, a directory) or clickhouse (a server or cluster over HTTP) [env STRATA_ENGINE]',
    'engine.opt.url': 'ClickHouse HTTP(S) address, e.g. http://localhost:8123 [env STRATA_CLICKHOUSE_URL]',
    'engine.opt.database':
      'ClickHouse database of the store (default strata) [env STRATA_CLICKHOUSE_DATABASE]',
    'engine.opt.cluster':
      'ClickHouse cluster: tables are sharded by customer id behind Distributed tables [env STRATA_CLICKHOUSE_CLUSTER]',
    'store.engine.unknown': 'unknown engine "{engine}": choose one of {choices}.',
    'store.engine.url_missing':
      'the clickhouse engine needs the server address: give --url http://host:8123 or set STRATA_CLICKHOUSE_URL.',
    'cli.init.description': 'create the store schema (every table) on the chosen engine, or print its DDL',
    'cli.init.print': 'print the DDL instead of running it',
    'cli.init.done': 'Store ready on {engine} at {where}: schema version {version}, {tables} tables.',
    'sql.unsupported.cluster_update':
      'Changing customers already stored (an import that updates their attributes) is not supported by the {engine} engine on a cluster: a lightweight UPDATE cannot run through a Distributed table. Import customer files on a single ClickHouse node or DuckDB, or update the rows with ClickHouse tools.',
  },
  'zh-CN': {
    'engine.opt.engine':
      '存放数据的引擎:duckdb(默认,一个文件)、chdb(嵌入式 ClickHouse,一个目录)或 clickhouse(通过 HTTP 连接的服务器或集群)[环境变量 STRATA_ENGINE]',
    'engine.opt.url':
      'ClickHouse 的 HTTP(S) 地址,例如 http://localhost:8123 [环境变量 STRATA_CLICKHOUSE_URL]',
    'engine.opt.database': '存放数据的 ClickHouse 数据库(默认 strata)[环境变量 STRATA_CLICKHOUSE_DATABASE]',
    'engine.opt.cluster':
      'ClickHouse 集群名:各表按客户编号分片,经 Distributed 表访问 [环境变量 STRATA_CLICKHOUSE_CLUSTER]',
    'store.engine.unknown': '未知的引擎"{engine}":请从 {choices} 中选择。',
    'store.engine.url_missing':
      'clickhouse 引擎需要服务器地址:请使用 --url http://host:8123 或设置 STRATA_CLICKHOUSE_URL。',
    'cli.init.description': '在所选引擎上创建数据结构(全部数据表),或打印其 DDL',
    'cli.init.print': '只打印 DDL,不执行',
    'cli.init.done': '{engine} 上的数据库已就绪({where}):结构版本 {version},共 {tables} 张表。',
    'sql.unsupported.cluster_update':
      '{engine} 引擎在集群上不支持修改已有客户(会更新客户属性的导入):轻量级 UPDATE 无法通过 Distributed 表执行。请在单节点 ClickHouse 或 DuckDB 上导入客户文件,或用 ClickHouse 自带工具更新这些行。',
  },
  'zh-TW': {
    'engine.opt.engine':
      '存放資料的引擎:duckdb(預設,一個檔案)、chdb(內嵌式 ClickHouse,一個目錄)或 clickhouse(透過 HTTP 連線的伺服器或叢集)[環境變數 STRATA_ENGINE]',
    'engine.opt.url':
      'ClickHouse 的 HTTP(S) 位址,例如 http://localhost:8123 [環境變數 STRATA_CLICKHOUSE_URL]',
    'engine.opt.database': '存放資料的 ClickHouse 資料庫(預設 strata)[環境變數 STRATA_CLICKHOUSE_DATABASE]',
    'engine.opt.cluster':
      'ClickHouse 叢集名稱:各表依客戶編號分片,經 Distributed 表存取 [環境變數 STRATA_CLICKHOUSE_CLUSTER]',
    'store.engine.unknown': '未知的引擎「{engine}」:請從 {choices} 中選擇。',
    'store.engine.url_missing':
      'clickhouse 引擎需要伺服器位址:請使用 --url http://host:8123 或設定 STRATA_CLICKHOUSE_URL。',
    'cli.init.description': '在所選引擎上建立資料結構(全部資料表),或列印其 DDL',
    'cli.init.print': '只列印 DDL,不執行',
    'cli.init.done': '{engine} 上的資料庫已就緒({where}):結構版本 {version},共 {tables} 張表。',
    'sql.unsupported.cluster_update':
      '{engine} 引擎在叢集上不支援修改既有客戶(會更新客戶屬性的匯入):輕量級 UPDATE 無法透過 Distributed 表執行。請在單節點 ClickHouse 或 DuckDB 上匯入客戶檔案,或以 ClickHouse 內建工具更新這些列。',
  },
})
