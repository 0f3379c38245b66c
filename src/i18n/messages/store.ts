import { registerCatalog } from '../translate.js'

registerCatalog({
  en: {
    'store.cannot_open':
      'cannot open the store {path}: {reason}. Is another strata process using it? Close it or choose another file with --db.',
    'store.too_new':
      'the store {path} has schema version {version}, newer than this strata (up to {latest}). Upgrade strata.',
    'store.customer_ambiguous':
      'the id "{id}" belongs to several customers ({candidates}): use the full customer id shown here.',
  },
  'zh-CN': {
    'store.cannot_open':
      '无法打开数据库 {path}:{reason}。是否有另一个 strata 进程正在使用它?请关闭它,或用 --db 指定其他文件。',
    'store.too_new':
      '数据库 {path} 的结构版本为 {version},高于当前 strata 支持的版本({latest})。请升级 strata。',
    'store.customer_ambiguous': '编号"{id}"对应多个客户({candidates}):请使用此处列出的完整客户编号。',
  },
  'zh-TW': {
    'store.cannot_open':
      '無法開啟資料庫 {path}:{reason}。是否有另一個 strata 程序正在使用它?請關閉它,或用 --db 指定其他檔案。',
    'store.too_new':
      '資料庫 {path} 的結構版本為 {version},高於目前 strata 支援的版本({latest})。請升級 strata。',
    'store.customer_ambiguous': '編號「{id}」對應多位客戶({candidates}):請使用此處列出的完整客戶編號。',
  },
})
