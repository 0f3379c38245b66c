import { registerCatalog } from '../translate.js'

// Messages of the web dashboard's API routes (src/server/routes/dashboard.ts, src/server/http/static-web.ts).
registerCatalog({
  en: {
    'web.demo.has_data':
      'The store already holds your own orders; the demo is only loaded into a store without them.',
    'web.not_built':
      'The web app is not built. Run `npm run build` (it builds web/dist), then restart `strata serve`.',
  },
  'zh-CN': {
    'web.demo.has_data': '库中已有您自己的订单;演示数据只能加载到没有这些订单的库中。',
    'web.not_built': '网页应用尚未构建。请运行 `npm run build`(会生成 web/dist),然后重启 `strata serve`。',
  },
  'zh-TW': {
    'web.demo.has_data': '資料庫中已有您自己的訂單;示範資料只能載入到沒有這些訂單的資料庫中。',
    'web.not_built':
      '網頁應用尚未建置。請執行 `npm run build`(會產生 web/dist),然後重新啟動 `strata serve`。',
  },
})
