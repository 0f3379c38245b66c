import { registerCatalog } from '../translate.js'

// Messages of the importers (src/ingest): mapping, validation, the data-quality report and the
// `strata import` command. Reading and cell parsing (ingest.read.*, ingest.parse.*) are in ingest-read.ts.
registerCatalog({
  en: {
    'ingest.unknown_kind': 'unknown import kind "{kind}": choose one of {choices}.',
    'ingest.unknown_preset': 'unknown preset "{preset}": choose one of {choices}.',
    'ingest.preset_kind':
      'the preset {preset} reads {kinds}, not {kind}. Use --preset generic with --map for other files.',
    'ingest.rejected':
      'the file was rejected ({n} invalid rows); the store is unchanged. Fix the rows above, or re-run with --skip-invalid to import the valid rows and write the others to a rejects file.',
    'ingest.unreadable':
      'the file cannot be read to its end (see above), so nothing was imported; the store is unchanged.',
    'ingest.map.bad_pair': '--map expects field=column pairs separated by commas; "{value}" is not one.',
    'ingest.map.unknown_field':
      '--map names the field "{field}", which {kind} do not have. Fields: {fields}.',
    'ingest.map.unknown_field_suggest':
      '--map names the field "{field}", which {kind} do not have. Did you mean "{suggestion}"?',
    'ingest.map.unknown_column':
      '--map {field}={column}: the file has no column "{column}". Its columns: {columns}.',
    'ingest.map.unknown_column_suggest':
      '--map {field}={column}: the file has no column "{column}". Did you mean "{suggestion}"?',
    'ingest.map.missing_field':
      "no column gives {field} for {kind} (preset {preset}). Name it with --map {first}=COLUMN. The file's columns: {columns}.",
    'ingest.map.missing_field_suggest':
      'no column gives {field} for {kind} (preset {preset}). Did you mean --map {first}={suggestion}?',
    'ingest.map.try_preset': 'the columns look like a {preset} export: try --preset {preset}.',
    'ingest.row.missing_value': '{fields} is empty; this row cannot be stored without it.',
    'ingest.row.order_rejected':
      'order {order_id} is left out because its row at line {bad_line} is invalid (an order is stored whole or not at all).',
    'ingest.cell.bad_currency': '"{value}" is not a currency code (use three letters such as CNY, USD, EUR).',
    'ingest.cell.bad_json': '"{value}" is not valid JSON.',
    'ingest.cell.bad_number': '"{value}" is not a number.',
    'ingest.cell.bad_nps': '"{value}" is not an NPS answer (a whole number from 0 to 10).',
    'cli.import.description':
      'import customers, orders, order items, events or feedback from CSV, TSV, JSON, NDJSON, Parquet or XLSX (all or nothing; the same file twice changes nothing)',
    'cli.import.arg.kind': 'what the file holds: customers, orders, order-items, events, feedback',
    'cli.import.arg.file':
      'the file to import (.csv, .tsv, .json, .ndjson, .parquet, .xlsx; .gz allowed for text)',
    'cli.import.opt.preset':
      'column layout of a known export: generic (canonical names and common aliases), line-items, shopify, woocommerce, stripe',
    'cli.import.opt.map': 'which column gives which field, e.g. order_id=订单号,amount=实付金额',
    'cli.import.opt.source':
      'name of the system the file comes from; ids are unique per source (default: the preset name, or the file name for generic)',
    'cli.import.opt.encoding': 'text encoding, e.g. utf-8, gb18030, gbk, big5 (default: detected)',
    'cli.import.opt.format': 'file format (default: from the extension or the content)',
    'cli.import.opt.delimiter':
      'field delimiter of delimited text: one character, or tab (default: detected)',
    'cli.import.opt.sheet': 'Excel sheet to read (default: the first)',
    'cli.import.opt.date_format':
      'how to read ambiguous dates: YMD, MDY, DMY or a pattern like DD.MM.YYYY HH:mm',
    'cli.import.opt.timezone':
      'time zone the store keeps wall-clock times in; timestamps with an offset are converted to it (default: the store setting, else UTC)',
    'cli.import.opt.skip_invalid':
      'import the valid rows and write the invalid ones, unchanged, to a rejects file (default: reject the whole file)',
    'cli.import.opt.rejects':
      'where --skip-invalid writes rejected rows (default: NAME.rejects.csv or .ndjson next to the file)',
    'cli.import.progress':
      'importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
    'ingest.report.title_imported': 'Imported {kind} ({importId})',
    'ingest.report.title_rejected': 'Rejected: nothing was imported ({importId})',
    'ingest.report.file': 'file {file} — {format}, {encoding}',
    'ingest.report.source': 'source {source} (preset {preset})',
    'ingest.report.rows':
      'rows: {read} read, {imported} imported, {unchanged} unchanged (already stored or repeated), {rejected} rejected',
    'ingest.report.records_orders':
      'orders: {inFile} in the file, {created} created, {unchanged} already stored',
    'ingest.report.records_customers':
      'customers: {inFile} in the file, {created} created, {unchanged} unchanged',
    'ingest.report.records_events':
      'events: {inFile} in the file, {created} created, {unchanged} already stored',
    'ingest.report.records_feedback':
      'feedback: {inFile} in the file, {created} created, {unchanged} already stored',
    'ingest.report.records_order-items':
      'order items: {inFile} in the file, {created} created, {unchanged} already stored',
    'ingest.report.customers':
      'customers: {created} created, {merged} merged into existing customers by email or phone, {updated} updated',
    'ingest.report.date_range': 'dates from {from} to {to}',
    'ingest.report.guest_orders':
      'guest orders (no customer id, email or phone): {orders} orders from {rows} rows — kept and counted, never scored; e.g. {sample}',
    'ingest.report.missing_customer_ids': 'rows without a customer id: {n}',
    'ingest.report.erased_rows': 'rows left out because they name an erased person: {n}',
    'ingest.report.duplicate_ids':
      'rows repeating an id seen earlier in the file (kept once): {n}; e.g. {sample}',
    'ingest.report.non_positive':
      'orders with a net amount ≤ 0 (returns and cancellations, they reduce spend): {orders} ({negative} negative, {zero} zero); e.g. {sample}',
    'ingest.report.future_dates': 'rows dated after today ({after}): {n}; lines {sample}',
    'ingest.report.outliers': 'unusually large orders (above Q3 + 3·IQR = {threshold}): {n}; e.g. {sample}',
    'ingest.report.unmatched_items':
      'unmatched order items (their order is not in the store, not imported): {n}; e.g. {sample}',
    'ingest.report.rejects_file': '{rows} rejected rows written unchanged to {file}',
    'ingest.report.warning': 'note: ',
    'ingest.report.problems': '{n} problems:',
    'ingest.report.more_problems': '… and {n} more (counted, not listed)',
    'ingest.report.rejected_hint':
      'Nothing was written to the store. Fix these rows, or use --skip-invalid to import the rest.',
  },
  'zh-CN': {
    'ingest.unknown_kind': '未知的导入类型"{kind}":请选择 {choices} 之一。',
    'ingest.unknown_preset': '未知的预设"{preset}":请选择 {choices} 之一。',
    'ingest.preset_kind':
      '预设 {preset} 只能导入 {kinds},不能导入 {kind}。其他文件请使用 --preset generic 并配合 --map。',
    'ingest.rejected':
      '文件被拒绝导入(共 {n} 行无效),数据库未作任何修改。请修正上面列出的行,或加上 --skip-invalid 只导入有效行,并把无效行写入拒收文件。',
    'ingest.unreadable': '文件无法完整读取(见上文),因此未导入任何数据,数据库未作任何修改。',
    'ingest.map.bad_pair': '--map 需要以逗号分隔的"字段=列名"对;"{value}"不符合格式。',
    'ingest.map.unknown_field': '--map 中的字段"{field}"不属于 {kind}。可用字段:{fields}。',
    'ingest.map.unknown_field_suggest': '--map 中的字段"{field}"不属于 {kind}。您是不是想用"{suggestion}"?',
    'ingest.map.unknown_column':
      '--map {field}={column}:文件中没有名为"{column}"的列。文件的列有:{columns}。',
    'ingest.map.unknown_column_suggest':
      '--map {field}={column}:文件中没有名为"{column}"的列。您是不是想用"{suggestion}"?',
    'ingest.map.missing_field':
      '没有任何列提供 {kind} 所需的 {field}(预设 {preset})。请用 --map {first}=列名 指定。文件的列有:{columns}。',
    'ingest.map.missing_field_suggest':
      '没有任何列提供 {kind} 所需的 {field}(预设 {preset})。是否要用 --map {first}={suggestion}?',
    'ingest.map.try_preset': '这些列看起来是 {preset} 的导出文件:请尝试 --preset {preset}。',
    'ingest.row.missing_value': '{fields} 为空;缺少它这一行无法保存。',
    'ingest.row.order_rejected':
      '订单 {order_id} 未导入,因为它在第 {bad_line} 行的明细无效(订单要么完整保存,要么不保存)。',
    'ingest.cell.bad_currency': '"{value}"不是有效的币种代码(请使用 CNY、USD、EUR 等三个字母)。',
    'ingest.cell.bad_json': '"{value}"不是有效的 JSON。',
    'ingest.cell.bad_number': '"{value}"不是数字。',
    'ingest.cell.bad_nps': '"{value}"不是有效的 NPS 评分(0 到 10 的整数)。',
    'cli.import.description':
      '从 CSV、TSV、JSON、NDJSON、Parquet 或 XLSX 导入客户、订单、订单明细、行为事件或反馈(要么全部导入、要么完全不导入;同一文件重复导入不会产生变化)',
    'cli.import.arg.kind':
      '文件内容的类型:customers(客户)、orders(订单)、order-items(订单明细)、events(行为事件)、feedback(反馈)',
    'cli.import.arg.file': '要导入的文件(.csv、.tsv、.json、.ndjson、.parquet、.xlsx;文本文件可为 .gz 压缩)',
    'cli.import.opt.preset':
      '已知导出格式的列布局:generic(标准列名及常见别名)、line-items、shopify、woocommerce、stripe',
    'cli.import.opt.map': '指定列与字段的对应关系,例如 order_id=订单号,amount=实付金额',
    'cli.import.opt.source': '数据来源系统的名称;编号在同一来源内唯一(默认:预设名称;generic 预设时为文件名)',
    'cli.import.opt.encoding': '文本编码,例如 utf-8、gb18030、gbk、big5(默认自动识别)',
    'cli.import.opt.format': '文件格式(默认根据扩展名或内容判断)',
    'cli.import.opt.delimiter': '分隔文本的字段分隔符:单个字符或 tab(默认自动识别)',
    'cli.import.opt.sheet': '要读取的 Excel 工作表(默认第一个)',
    'cli.import.opt.date_format': '如何解读有歧义的日期:YMD、MDY、DMY,或类似 DD.MM.YYYY HH:mm 的格式',
    'cli.import.opt.timezone':
      '数据库记录本地时间所用的时区;带时差的时间会换算到该时区(默认取数据库设置,否则为 UTC)',
    'cli.import.opt.skip_invalid': '只导入有效行,并把无效行原样写入拒收文件(默认:整个文件拒绝导入)',
    'cli.import.opt.rejects':
      '--skip-invalid 时拒收行的输出文件(默认:与源文件同目录的 NAME.rejects.csv 或 .ndjson)',
    'cli.import.progress':
      '导入中 [{bar}] {percentage}% | {rows} 行 | {rate} 行/秒 | 预计剩余 {eta_formatted}',
    'ingest.report.title_imported': '已导入 {kind}({importId})',
    'ingest.report.title_rejected': '已拒绝:未导入任何数据({importId})',
    'ingest.report.file': '文件 {file} —— {format},{encoding}',
    'ingest.report.source': '来源 {source}(预设 {preset})',
    'ingest.report.rows': '行数:读取 {read},导入 {imported},未变化 {unchanged}(已存在或重复),拒收 {rejected}',
    'ingest.report.records_orders': '订单:文件中 {inFile} 笔,新建 {created} 笔,已存在 {unchanged} 笔',
    'ingest.report.records_customers': '客户:文件中 {inFile} 位,新建 {created} 位,未变化 {unchanged} 位',
    'ingest.report.records_events': '行为事件:文件中 {inFile} 条,新建 {created} 条,已存在 {unchanged} 条',
    'ingest.report.records_feedback': '反馈:文件中 {inFile} 条,新建 {created} 条,已存在 {unchanged} 条',
    'ingest.report.records_order-items':
      '订单明细:文件中 {inFile} 条,新建 {created} 条,已存在 {unchanged} 条',
    'ingest.report.customers':
      '客户:新建 {created} 位,按邮箱或手机号合并到已有客户 {merged} 位,更新 {updated} 位',
    'ingest.report.date_range': '日期范围 {from} 至 {to}',
    'ingest.report.guest_orders':
      '游客订单(无客户编号、邮箱或手机号):{orders} 笔,共 {rows} 行 —— 已保存并计入总数,但不参与评分;例如 {sample}',
    'ingest.report.missing_customer_ids': '缺少客户编号的行:{n}',
    'ingest.report.erased_rows': '因属于已删除(被遗忘)的客户而略过的行:{n}',
    'ingest.report.duplicate_ids': '与文件中前面行编号重复的行(只保留一次):{n};例如 {sample}',
    'ingest.report.non_positive':
      '净金额 ≤ 0 的订单(退货和取消,会减少消费额):{orders} 笔(负数 {negative},零 {zero});例如 {sample}',
    'ingest.report.future_dates': '日期晚于今天({after})的行:{n};行号 {sample}',
    'ingest.report.outliers': '金额异常偏高的订单(高于 Q3 + 3·IQR = {threshold}):{n} 笔;例如 {sample}',
    'ingest.report.unmatched_items': '无法匹配的订单明细(对应订单不在数据库中,未导入):{n} 条;例如 {sample}',
    'ingest.report.rejects_file': '{rows} 行拒收数据已原样写入 {file}',
    'ingest.report.warning': '提示:',
    'ingest.report.problems': '{n} 个问题:',
    'ingest.report.more_problems': '……另有 {n} 个(仅计数,未列出)',
    'ingest.report.rejected_hint': '数据库未写入任何数据。请修正这些行,或使用 --skip-invalid 导入其余行。',
  },
  'zh-TW': {
    'ingest.unknown_kind': '未知的匯入類型「{kind}」:請選擇 {choices} 之一。',
    'ingest.unknown_preset': '未知的預設「{preset}」:請選擇 {choices} 之一。',
    'ingest.preset_kind':
      '預設 {preset} 只能匯入 {kinds},不能匯入 {kind}。其他檔案請使用 --preset generic 並搭配 --map。',
    'ingest.rejected':
      '檔案遭拒絕匯入(共 {n} 列無效),資料庫未做任何變更。請修正上方列出的列,或加上 --skip-invalid 只匯入有效列,並將無效列寫入拒收檔案。',
    'ingest.unreadable': '檔案無法完整讀取(見上文),因此未匯入任何資料,資料庫未做任何變更。',
    'ingest.map.bad_pair': '--map 需要以逗號分隔的「欄位=欄名」對;「{value}」不符合格式。',
    'ingest.map.unknown_field': '--map 中的欄位「{field}」不屬於 {kind}。可用欄位:{fields}。',
    'ingest.map.unknown_field_suggest':
      '--map 中的欄位「{field}」不屬於 {kind}。您是不是要用「{suggestion}」?',
    'ingest.map.unknown_column':
      '--map {field}={column}:檔案中沒有名為「{column}」的欄。檔案的欄有:{columns}。',
    'ingest.map.unknown_column_suggest':
      '--map {field}={column}:檔案中沒有名為「{column}」的欄。您是不是要用「{suggestion}」?',
    'ingest.map.missing_field':
      '沒有任何欄提供 {kind} 所需的 {field}(預設 {preset})。請用 --map {first}=欄名 指定。檔案的欄有:{columns}。',
    'ingest.map.missing_field_suggest':
      '沒有任何欄提供 {kind} 所需的 {field}(預設 {preset})。是否要用 --map {first}={suggestion}?',
    'ingest.map.try_preset': '這些欄看起來是 {preset} 的匯出檔案:請嘗試 --preset {preset}。',
    'ingest.row.missing_value': '{fields} 為空;缺少它這一列無法儲存。',
    'ingest.row.order_rejected':
      '訂單 {order_id} 未匯入,因為它在第 {bad_line} 列的明細無效(訂單要嘛完整儲存,要嘛不儲存)。',
    'ingest.cell.bad_currency': '「{value}」不是有效的幣別代碼(請使用 TWD、USD、EUR 等三個字母)。',
    'ingest.cell.bad_json': '「{value}」不是有效的 JSON。',
    'ingest.cell.bad_number': '「{value}」不是數字。',
    'ingest.cell.bad_nps': '「{value}」不是有效的 NPS 評分(0 到 10 的整數)。',
    'cli.import.description':
      '從 CSV、TSV、JSON、NDJSON、Parquet 或 XLSX 匯入客戶、訂單、訂單明細、行為事件或回饋(要嘛全部匯入、要嘛完全不匯入;同一檔案重複匯入不會產生變化)',
    'cli.import.arg.kind':
      '檔案內容的類型:customers(客戶)、orders(訂單)、order-items(訂單明細)、events(行為事件)、feedback(回饋)',
    'cli.import.arg.file': '要匯入的檔案(.csv、.tsv、.json、.ndjson、.parquet、.xlsx;文字檔可為 .gz 壓縮)',
    'cli.import.opt.preset':
      '已知匯出格式的欄位配置:generic(標準欄名及常見別名)、line-items、shopify、woocommerce、stripe',
    'cli.import.opt.map': '指定欄與欄位的對應關係,例如 order_id=訂單編號,amount=實付金額',
    'cli.import.opt.source': '資料來源系統的名稱;編號在同一來源內唯一(預設:預設格式名稱;generic 時為檔名)',
    'cli.import.opt.encoding': '文字編碼,例如 utf-8、big5、gb18030、gbk(預設自動偵測)',
    'cli.import.opt.format': '檔案格式(預設依副檔名或內容判斷)',
    'cli.import.opt.delimiter': '分隔文字的欄位分隔符號:單一字元或 tab(預設自動偵測)',
    'cli.import.opt.sheet': '要讀取的 Excel 工作表(預設第一個)',
    'cli.import.opt.date_format': '如何解讀有歧義的日期:YMD、MDY、DMY,或類似 DD.MM.YYYY HH:mm 的格式',
    'cli.import.opt.timezone':
      '資料庫記錄當地時間所用的時區;帶時差的時間會換算到該時區(預設取資料庫設定,否則為 UTC)',
    'cli.import.opt.skip_invalid': '只匯入有效列,並將無效列原樣寫入拒收檔案(預設:整個檔案拒絕匯入)',
    'cli.import.opt.rejects':
      '--skip-invalid 時拒收列的輸出檔案(預設:與來源檔案同目錄的 NAME.rejects.csv 或 .ndjson)',
    'cli.import.progress':
      '匯入中 [{bar}] {percentage}% | {rows} 列 | {rate} 列/秒 | 預計剩餘 {eta_formatted}',
    'ingest.report.title_imported': '已匯入 {kind}({importId})',
    'ingest.report.title_rejected': '已拒絕:未匯入任何資料({importId})',
    'ingest.report.file': '檔案 {file} —— {format},{encoding}',
    'ingest.report.source': '來源 {source}(預設 {preset})',
    'ingest.report.rows': '列數:讀取 {read},匯入 {imported},未變化 {unchanged}(已存在或重複),拒收 {rejected}',
    'ingest.report.records_orders': '訂單:檔案中 {inFile} 筆,新建 {created} 筆,已存在 {unchanged} 筆',
    'ingest.report.records_customers': '客戶:檔案中 {inFile} 位,新建 {created} 位,未變化 {unchanged} 位',
    'ingest.report.records_events': '行為事件:檔案中 {inFile} 筆,新建 {created} 筆,已存在 {unchanged} 筆',
    'ingest.report.records_feedback': '回饋:檔案中 {inFile} 筆,新建 {created} 筆,已存在 {unchanged} 筆',
    'ingest.report.records_order-items':
      '訂單明細:檔案中 {inFile} 筆,新建 {created} 筆,已存在 {unchanged} 筆',
    'ingest.report.customers':
      '客戶:新建 {created} 位,依電子郵件或手機號碼合併到既有客戶 {merged} 位,更新 {updated} 位',
    'ingest.report.date_range': '日期範圍 {from} 至 {to}',
    'ingest.report.guest_orders':
      '訪客訂單(無客戶編號、電子郵件或手機號碼):{orders} 筆,共 {rows} 列 —— 已儲存並計入總數,但不參與評分;例如 {sample}',
    'ingest.report.missing_customer_ids': '缺少客戶編號的列:{n}',
    'ingest.report.erased_rows': '因屬於已刪除(被遺忘)的客戶而略過的列:{n}',
    'ingest.report.duplicate_ids': '與檔案中前面列編號重複的列(只保留一次):{n};例如 {sample}',
    'ingest.report.non_positive':
      '淨金額 ≤ 0 的訂單(退貨與取消,會減少消費額):{orders} 筆(負數 {negative},零 {zero});例如 {sample}',
    'ingest.report.future_dates': '日期晚於今天({after})的列:{n};列號 {sample}',
    'ingest.report.outliers': '金額異常偏高的訂單(高於 Q3 + 3·IQR = {threshold}):{n} 筆;例如 {sample}',
    'ingest.report.unmatched_items': '無法對應的訂單明細(對應訂單不在資料庫中,未匯入):{n} 筆;例如 {sample}',
    'ingest.report.rejects_file': '{rows} 列拒收資料已原樣寫入 {file}',
    'ingest.report.warning': '提示:',
    'ingest.report.problems': '{n} 個問題:',
    'ingest.report.more_problems': '……另有 {n} 個(僅計數,未列出)',
    'ingest.report.rejected_hint': '資料庫未寫入任何資料。請修正這些列,或使用 --skip-invalid 匯入其餘列。',
  },
})
