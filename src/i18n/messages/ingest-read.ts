import { registerCatalog } from '../translate.js'

// Messages of the import file readers (ingest.read.*) and the cell parsers (ingest.parse.*). The location
// (file:line:column) is printed before the message by renderDiagnostic; {line} etc. are also available here.
registerCatalog({
  en: {
    'ingest.read.file_not_found': 'file not found. Check the path (it is relative to the current directory).',
    'ingest.read.not_a_file': 'this is a folder, not a file. Name the data file inside it.',
    'ingest.read.unreadable':
      'cannot read the file ({reason}). Check that it exists and that you may read it.',
    'ingest.read.gzip_corrupt':
      'the gzip file is damaged or cut short ({reason}). Download or copy it again, or import the uncompressed file.',
    'ingest.read.unknown_format':
      'cannot tell the file format {format}. Use a .csv, .tsv, .txt, .json, .ndjson, .jsonl, .parquet or .xlsx file, or pass --format.',
    'ingest.read.gzip_unsupported': 'a gzipped {format} file cannot be read. Decompress it first (gunzip).',
    'ingest.read.unknown_encoding':
      'unknown encoding "{encoding}". Use e.g. --encoding utf-8, gb18030, gbk, big5 or utf-16le.',
    'ingest.read.cannot_decode':
      'the file is not valid {encoding} text near line {line}. Pass the right --encoding (Excel on Chinese Windows writes gb18030), or re-save the file as UTF-8.',
    'ingest.read.bad_delimiter':
      'cannot use "{delimiter}" as the delimiter. Give one character, e.g. --delimiter ";" or --delimiter tab.',
    'ingest.read.empty_file': 'the file has no header and no records. Check that you chose the right file.',
    'ingest.read.header_empty': 'column {column} has no name in the header; it is called "{name}".',
    'ingest.read.header_duplicate':
      'the header names "{name}" twice; column {column} is called "{renamed}". Rename one of them in the file to be sure which one you map.',
    'ingest.read.csv_unterminated_quote':
      'a quoted field starting at line {line} is never closed, so the rest of the file cannot be read. Add the missing closing quote (") or double the quotes inside the field ("").',
    'ingest.read.csv_record_too_long':
      'the record starting at line {line} is longer than 32 MB. Check for a missing closing quote or a wrong --delimiter.',
    'ingest.read.csv_too_many_fields':
      'this row has {found} fields but the header has {expected}. A value probably contains the delimiter without quotes: put that value in double quotes.',
    'ingest.read.csv_too_few_fields':
      'this row has {found} fields but the header has {expected}. Check for a missing delimiter or a line break inside an unquoted value.',
    'ingest.read.json_malformed':
      'invalid JSON here. Fix the syntax (missing comma, quote or bracket, trailing comma) and import again.',
    'ingest.read.json_not_array':
      'a .json file must hold an array of objects ([{…}, {…}]). For one object per line, name the file .ndjson or pass --format ndjson.',
    'ingest.read.json_not_object': 'this record is not a JSON object ({…}); only objects can be imported.',
    'ingest.read.parquet_invalid':
      'cannot read this Parquet file ({reason}). Check that it is complete and not encrypted.',
    'ingest.read.parquet_codec':
      'this Parquet file is compressed with {codec}, which cannot be read here. Write it again with snappy, zstd or gzip compression.',
    'ingest.read.xls_unsupported':
      'old Excel .xls files cannot be read. Open the file in Excel or WPS and save it as .xlsx (or CSV UTF-8).',
    'ingest.read.xlsx_invalid':
      'cannot read this Excel file ({reason}). Save it again as .xlsx (not .xls) and retry.',
    'ingest.read.xlsx_no_sheet':
      'the workbook has no sheet "{sheet}". Sheets in it: {sheets}. Pass one of them with --sheet.',

    'ingest.parse.empty': 'the value is empty.',
    'ingest.parse.date_invalid':
      '"{text}" is not a valid date. Use e.g. 2024-03-05 14:03, or pass --date-format with the pattern of the file (e.g. "DD/MM/YYYY HH:mm").',
    'ingest.parse.date_ambiguous':
      '"{text}" can be read as month/day or day/month. Pass --date-format MDY (US style, 3/5 = March 5) or --date-format DMY (3/5 = 3 May).',
    'ingest.parse.bad_date_format':
      '--date-format "{format}" is not usable. Use MDY, DMY or YMD, or a pattern with YYYY, MM and DD such as "DD.MM.YYYY HH:mm".',
    'ingest.parse.bad_timezone':
      'unknown time zone "{timezone}". Use an IANA name such as Asia/Shanghai or UTC.',
    'ingest.parse.amount_invalid':
      '"{text}" is not an amount. Use digits with an optional currency, e.g. 1234.50 or ¥1,234.50.',
    'ingest.parse.amount_too_many_decimals':
      '"{text}" has more than {max} decimals; amounts are kept to {max} decimals. Round the value in the file.',
    'ingest.parse.amount_too_large':
      '"{text}" is too large for an amount (at most 14 digits before the decimal point).',
    'ingest.parse.quantity_invalid': '"{text}" is not a quantity. Use a number such as 3 or 2.5.',
    'ingest.parse.quantity_too_many_decimals':
      '"{text}" has more than {max} decimals. Round the quantity in the file.',
    'ingest.parse.quantity_too_large': '"{text}" is too large for a quantity.',
    'ingest.parse.integer_invalid': '"{text}" is not a whole number.',
    'ingest.parse.integer_too_large': '"{text}" is too large for a whole number; import it as text.',
    'ingest.parse.boolean_invalid': '"{text}" is not a yes/no value. Use true/false, yes/no, 1/0 or 是/否.',
    'ingest.parse.email_invalid': '"{text}" is not an email address.',
    'ingest.parse.phone_invalid':
      '"{text}" is not a phone number. Write mobiles with 11 digits, landlines with their area code (021 6123 4567), other countries with + and the country code.',
    'ingest.parse.phone_unknown_country':
      'no phone rules for the default country "{country}". Write the numbers with + and their country code.',
  },
  'zh-CN': {
    'ingest.read.file_not_found': '找不到文件。请检查路径(相对于当前目录)。',
    'ingest.read.not_a_file': '这是一个文件夹,不是文件。请指定其中的数据文件。',
    'ingest.read.unreadable': '无法读取文件({reason})。请确认文件存在且有读取权限。',
    'ingest.read.gzip_corrupt': 'gzip 文件已损坏或不完整({reason})。请重新下载或复制,或导入解压后的文件。',
    'ingest.read.unknown_format':
      '无法识别文件格式 {format}。请使用 .csv、.tsv、.txt、.json、.ndjson、.jsonl、.parquet 或 .xlsx 文件,或用 --format 指定。',
    'ingest.read.gzip_unsupported': '无法读取 gzip 压缩的 {format} 文件。请先解压(gunzip)。',
    'ingest.read.unknown_encoding':
      '未知的编码“{encoding}”。可用例如 --encoding utf-8、gb18030、gbk、big5 或 utf-16le。',
    'ingest.read.cannot_decode':
      '文件在第 {line} 行附近不是有效的 {encoding} 文本。请用 --encoding 指定正确的编码(中文 Windows 上的 Excel 保存为 gb18030),或将文件另存为 UTF-8。',
    'ingest.read.bad_delimiter':
      '不能用“{delimiter}”作分隔符。请给出一个字符,例如 --delimiter ";" 或 --delimiter tab。',
    'ingest.read.empty_file': '文件中既没有表头也没有记录。请确认选对了文件。',
    'ingest.read.header_empty': '表头第 {column} 列没有名称,已命名为“{name}”。',
    'ingest.read.header_duplicate':
      '表头中“{name}”出现了两次,第 {column} 列已命名为“{renamed}”。建议在文件中改掉其中一个名称,以免映射错列。',
    'ingest.read.csv_unterminated_quote':
      '从第 {line} 行开始的带引号字段没有结束,文件其余部分无法读取。请补上缺少的右引号("),或将字段内的引号写成两个("")。',
    'ingest.read.csv_record_too_long':
      '从第 {line} 行开始的记录超过 32 MB。请检查是否缺少右引号,或 --delimiter 是否正确。',
    'ingest.read.csv_too_many_fields':
      '此行有 {found} 个字段,但表头只有 {expected} 个。可能某个值中含有分隔符却没有加引号:请给该值加上双引号。',
    'ingest.read.csv_too_few_fields':
      '此行只有 {found} 个字段,但表头有 {expected} 个。请检查是否缺少分隔符,或未加引号的值中有换行。',
    'ingest.read.json_malformed':
      '此处 JSON 格式错误。请修正语法(缺少逗号、引号或括号,或多余的逗号)后重新导入。',
    'ingest.read.json_not_array':
      '.json 文件必须是对象数组([{…}, {…}])。如果每行一个对象,请将文件命名为 .ndjson 或使用 --format ndjson。',
    'ingest.read.json_not_object': '这条记录不是 JSON 对象({…}),只能导入对象。',
    'ingest.read.parquet_invalid': '无法读取此 Parquet 文件({reason})。请确认文件完整且未加密。',
    'ingest.read.parquet_codec':
      '此 Parquet 文件使用 {codec} 压缩,无法读取。请改用 snappy、zstd 或 gzip 压缩重新写出。',
    'ingest.read.xls_unsupported':
      '无法读取旧版 Excel .xls 文件。请用 Excel 或 WPS 打开并另存为 .xlsx(或 CSV UTF-8)。',
    'ingest.read.xlsx_invalid': '无法读取此 Excel 文件({reason})。请另存为 .xlsx(不是 .xls)后重试。',
    'ingest.read.xlsx_no_sheet':
      '工作簿中没有工作表“{sheet}”。现有工作表:{sheets}。请用 --sheet 指定其中之一。',

    'ingest.parse.empty': '值为空。',
    'ingest.parse.date_invalid':
      '“{text}”不是有效的日期。请使用如 2024-03-05 14:03 的格式,或用 --date-format 指定文件中的日期格式(如 "DD/MM/YYYY HH:mm")。',
    'ingest.parse.date_ambiguous':
      '“{text}”既可理解为月/日,也可理解为日/月。请指定 --date-format MDY(美式,3/5 = 3 月 5 日)或 --date-format DMY(3/5 = 5 月 3 日)。',
    'ingest.parse.bad_date_format':
      '--date-format “{format}”无法使用。请用 MDY、DMY 或 YMD,或包含 YYYY、MM、DD 的格式,如 "DD.MM.YYYY HH:mm"。',
    'ingest.parse.bad_timezone': '未知的时区“{timezone}”。请使用 IANA 名称,如 Asia/Shanghai 或 UTC。',
    'ingest.parse.amount_invalid': '“{text}”不是金额。请使用数字,可带货币符号,如 1234.50 或 ¥1,234.50。',
    'ingest.parse.amount_too_many_decimals':
      '“{text}”的小数超过 {max} 位;金额最多保留 {max} 位小数。请在文件中先四舍五入。',
    'ingest.parse.amount_too_large': '“{text}”超出金额范围(小数点前最多 14 位)。',
    'ingest.parse.quantity_invalid': '“{text}”不是数量。请使用数字,如 3 或 2.5。',
    'ingest.parse.quantity_too_many_decimals': '“{text}”的小数超过 {max} 位。请在文件中先四舍五入。',
    'ingest.parse.quantity_too_large': '“{text}”超出数量范围。',
    'ingest.parse.integer_invalid': '“{text}”不是整数。',
    'ingest.parse.integer_too_large': '“{text}”超出整数范围;请作为文本导入。',
    'ingest.parse.boolean_invalid': '“{text}”不是“是/否”值。请使用 true/false、yes/no、1/0 或 是/否。',
    'ingest.parse.email_invalid': '“{text}”不是电子邮件地址。',
    'ingest.parse.phone_invalid':
      '“{text}”不是电话号码。手机号请写 11 位,座机请带区号(021 6123 4567),其他国家或地区请以 + 和国家代码开头。',
    'ingest.parse.phone_unknown_country': '没有默认国家“{country}”的电话规则。请在号码前写上 + 和国家代码。',
  },
  'zh-TW': {
    'ingest.read.file_not_found': '找不到檔案。請檢查路徑(相對於目前目錄)。',
    'ingest.read.not_a_file': '這是一個資料夾,不是檔案。請指定其中的資料檔。',
    'ingest.read.unreadable': '無法讀取檔案({reason})。請確認檔案存在且有讀取權限。',
    'ingest.read.gzip_corrupt': 'gzip 檔案已損毀或不完整({reason})。請重新下載或複製,或匯入解壓縮後的檔案。',
    'ingest.read.unknown_format':
      '無法辨識檔案格式 {format}。請使用 .csv、.tsv、.txt、.json、.ndjson、.jsonl、.parquet 或 .xlsx 檔案,或以 --format 指定。',
    'ingest.read.gzip_unsupported': '無法讀取以 gzip 壓縮的 {format} 檔案。請先解壓縮(gunzip)。',
    'ingest.read.unknown_encoding':
      '未知的編碼「{encoding}」。可用例如 --encoding utf-8、gb18030、gbk、big5 或 utf-16le。',
    'ingest.read.cannot_decode':
      '檔案在第 {line} 行附近不是有效的 {encoding} 文字。請以 --encoding 指定正確的編碼(繁體中文 Windows 上的 Excel 常存為 big5,簡體為 gb18030),或將檔案另存為 UTF-8。',
    'ingest.read.bad_delimiter':
      '不能用「{delimiter}」作為分隔符號。請給一個字元,例如 --delimiter ";" 或 --delimiter tab。',
    'ingest.read.empty_file': '檔案中既沒有標題列也沒有資料。請確認選對了檔案。',
    'ingest.read.header_empty': '標題列第 {column} 欄沒有名稱,已命名為「{name}」。',
    'ingest.read.header_duplicate':
      '標題列中「{name}」出現了兩次,第 {column} 欄已命名為「{renamed}」。建議在檔案中修改其中一個名稱,以免對應錯欄。',
    'ingest.read.csv_unterminated_quote':
      '從第 {line} 行開始的引號欄位沒有結束,檔案其餘部分無法讀取。請補上缺少的右引號("),或將欄位內的引號寫成兩個("")。',
    'ingest.read.csv_record_too_long':
      '從第 {line} 行開始的資料超過 32 MB。請檢查是否缺少右引號,或 --delimiter 是否正確。',
    'ingest.read.csv_too_many_fields':
      '此列有 {found} 個欄位,但標題列只有 {expected} 個。可能某個值含有分隔符號卻沒有加引號:請替該值加上雙引號。',
    'ingest.read.csv_too_few_fields':
      '此列只有 {found} 個欄位,但標題列有 {expected} 個。請檢查是否缺少分隔符號,或未加引號的值中有換行。',
    'ingest.read.json_malformed':
      '此處 JSON 格式錯誤。請修正語法(缺少逗號、引號或括號,或多餘的逗號)後重新匯入。',
    'ingest.read.json_not_array':
      '.json 檔案必須是物件陣列([{…}, {…}])。若每行一個物件,請將檔案命名為 .ndjson 或使用 --format ndjson。',
    'ingest.read.json_not_object': '這筆資料不是 JSON 物件({…}),只能匯入物件。',
    'ingest.read.parquet_invalid': '無法讀取此 Parquet 檔案({reason})。請確認檔案完整且未加密。',
    'ingest.read.parquet_codec':
      '此 Parquet 檔案使用 {codec} 壓縮,無法讀取。請改用 snappy、zstd 或 gzip 壓縮重新輸出。',
    'ingest.read.xls_unsupported':
      '無法讀取舊版 Excel .xls 檔案。請以 Excel 開啟並另存為 .xlsx(或 CSV UTF-8)。',
    'ingest.read.xlsx_invalid': '無法讀取此 Excel 檔案({reason})。請另存為 .xlsx(不是 .xls)後重試。',
    'ingest.read.xlsx_no_sheet':
      '活頁簿中沒有工作表「{sheet}」。現有工作表:{sheets}。請以 --sheet 指定其中之一。',

    'ingest.parse.empty': '值為空。',
    'ingest.parse.date_invalid':
      '「{text}」不是有效的日期。請使用如 2024-03-05 14:03 的格式,或以 --date-format 指定檔案中的日期格式(如 "DD/MM/YYYY HH:mm")。',
    'ingest.parse.date_ambiguous':
      '「{text}」可解讀為月/日,也可解讀為日/月。請指定 --date-format MDY(美式,3/5 = 3 月 5 日)或 --date-format DMY(3/5 = 5 月 3 日)。',
    'ingest.parse.bad_date_format':
      '--date-format「{format}」無法使用。請用 MDY、DMY 或 YMD,或包含 YYYY、MM、DD 的格式,如 "DD.MM.YYYY HH:mm"。',
    'ingest.parse.bad_timezone': '未知的時區「{timezone}」。請使用 IANA 名稱,如 Asia/Taipei 或 UTC。',
    'ingest.parse.amount_invalid': '「{text}」不是金額。請使用數字,可帶貨幣符號,如 1234.50 或 NT$1,234。',
    'ingest.parse.amount_too_many_decimals':
      '「{text}」的小數超過 {max} 位;金額最多保留 {max} 位小數。請先在檔案中四捨五入。',
    'ingest.parse.amount_too_large': '「{text}」超出金額範圍(小數點前最多 14 位)。',
    'ingest.parse.quantity_invalid': '「{text}」不是數量。請使用數字,如 3 或 2.5。',
    'ingest.parse.quantity_too_many_decimals': '「{text}」的小數超過 {max} 位。請先在檔案中四捨五入。',
    'ingest.parse.quantity_too_large': '「{text}」超出數量範圍。',
    'ingest.parse.integer_invalid': '「{text}」不是整數。',
    'ingest.parse.integer_too_large': '「{text}」超出整數範圍;請以文字匯入。',
    'ingest.parse.boolean_invalid': '「{text}」不是「是/否」值。請使用 true/false、yes/no、1/0 或 是/否。',
    'ingest.parse.email_invalid': '「{text}」不是電子郵件地址。',
    'ingest.parse.phone_invalid':
      '「{text}」不是電話號碼。手機請寫完整號碼,市話請加區碼,其他國家或地區請以 + 和國碼開頭。',
    'ingest.parse.phone_unknown_country': '沒有預設國家「{country}」的電話規則。請在號碼前加上 + 和國碼。',
  },
})
