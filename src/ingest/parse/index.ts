// Parsing cell values: pure functions from a raw cell to a typed value or an `ingest.parse.*` reason.

export { type DecimalMark, MAX_DECIMALS } from './decimal-text.js'
export { excelSerialToParts } from './excel-serial.js'
export { normaliseEmail } from './normalise-email.js'
export { normalisePhone } from './normalise-phone.js'
export { type Amount, type AmountOptions, parseAmount } from './parse-amount.js'
export { parseBoolean } from './parse-boolean.js'
export {
  type DateOrder,
  type DateTimeOptions,
  type DateTimeParts,
  dateTimeParts,
  parseDate,
  parseDateTime,
} from './parse-date-time.js'
export { parseGender } from './parse-gender.js'
export { parseInteger, parseQuantity } from './parse-number.js'
export { cleanText, isBlank, type ParseResult } from './parse-result.js'
export { isTimeZone } from './time-zone.js'
