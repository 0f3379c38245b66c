import { registerCatalog } from '../translate.js'

// Messages of the web dashboard's API routes (src/server/routes/dashboard.ts, src/server/http/static-web.ts).
registerCatalog({
  en: {
    'web.demo.has_data':
      'The store already holds your own orders; the demo is only loaded into a store without them.',
    'web.not_built':
      'The web app is not built. Run `npm run build` (it builds web/dist), then restart `strata serve`.',
    'web.settings.no_file':
      'This store lives in memory: there is no folder to keep strata.config.json in, so the analysis settings cannot be saved.',
  },
  'zh-CN': {
    'web.demo.has_data': '库中已有您自己的订单;演示数据只能加载到没有这些订单的库中。',
    'web.not_built': '网页应用尚未构建。请运行 `npm run build`(会生成 web/dist),然后重启 `strata serve`。',
    'web.settings.no_file': '此数据库仅在内存中:没有可存放 strata.config.json 的文件夹,无法保存分析设置。',
  },
  'zh-TW': {
    'web.demo.has_data': '資料庫中已有您自己的訂單;示範資料只能載入到沒有這些訂單的資料庫中。',
    'web.not_built':
      '網頁應用尚未建置。請執行 `npm run build`(會產生 web/dist),然後重新啟動 `strata serve`。',
    'web.settings.no_file': '此資料庫僅在記憶體中:沒有可存放 strata.config.json 的資料夾,無法儲存分析設定。',
  },
})
