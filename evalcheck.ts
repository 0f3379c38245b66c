import * as echarts from 'echarts'
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 })
chart.setOption({ animation: false, xAxis: { type: 'category', data: ['a','b'] }, yAxis: {}, series: [{ type: 'bar', data: [1, 2] }] })
const s = chart.renderToSVGString(); chart.dispose(); console.log(s.length, s.slice(0, 200))
import './src/tables.js'
import { openStore } from './src/store/index.js'
const st = await openStore('/tmp/eval-demo.duckdb')
console.log(await st.conn.all((await import('./src/sql/index.js')).sql`SELECT import_id, kind, status, rows_read, length(CAST(report AS VARCHAR)) l FROM imports`))
await st.close()
