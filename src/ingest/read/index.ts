// Reading import files: open a file, learn its format / encoding / columns, stream its records.
export { openRecordSource } from './open-record-source.js'
export type { FileFormat, OpenOptions, RawRecord, RawValue, RecordSource } from './types.js'
