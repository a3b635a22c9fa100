// Parquet as Hugging Face stores datasets (`data/test-00000-of-00001.parquet`), read with hyparquet
// (pure JavaScript; Snappy built in, which is what the Hub's converter writes). Rows come back as
// plain objects with their 1-based row number, so that a bad row can be named the way a JSONL
// line is. Parquet has no lines: errors name the file as `<file>#row` and the row as the "line".
//
// Binary columns (image bytes) are kept as bytes only when asked (`binaryAsBytes`): hyparquet's
// default reads every BYTE_ARRAY as UTF-8 text.
//
// INT64 columns decode to BigInt in hyparquet; a dataset's integers (answer indices, ids) fit in a
// double, so they are turned into numbers here once, and a value that does not fit is an error
// rather than a silently rounded answer index.
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { DataError } from '../../core/index.ts';
import { readBytes } from './file-access.ts';

export interface ParquetRecord {
  /** One row, column name → value (lists as arrays, nulls as null). Validate before use. */
  value: Record<string, unknown>;
  /** 1-based row number in the file. */
  row: number;
}

export interface ReadParquetOptions {
  /** Columns the caller needs: checked against the schema up front, and the only ones decoded. */
  columns?: readonly string[];
  /** Columns decoded too when the file has them (MMMU's image_2..image_7); only with `columns`. */
  optionalColumns?: readonly string[];
  /**
   * Keep BYTE_ARRAY columns without a STRING annotation as bytes (Uint8Array), e.g. image bytes.
   * By default hyparquet decodes every BYTE_ARRAY as UTF-8 text, which destroys binary data;
   * annotated string columns stay strings either way (hyparquet's `utf8: false`).
   */
  binaryAsBytes?: boolean;
}

/** Where a row sits, for expectObject / requireString and DataError: `<file>#row`, row number. */
export function parquetRowLocation(file: string, row: number): { file: string; line: number } {
  return { file: `${file}#row`, line: row };
}

function toPlain(value: unknown, file: string, row: number, column: string): unknown {
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new DataError(`${file}#row`, row, `column "${column}": integer ${value} does not fit in a double`);
    return n;
  }
  if (Array.isArray(value)) return value.map((v) => toPlain(v, file, row, column));
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v, file, row, column);
  return out;
}

/** Parse Parquet bytes; `file` only names the source in errors. */
export async function parseParquet(bytes: Uint8Array, file: string, options: ReadParquetOptions = {}): Promise<ParquetRecord[]> {
  // A copy that owns exactly its bytes: a Node Buffer is often a view into a larger pool.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (err) {
    throw new DataError(file, undefined, `not a readable Parquet file: ${(err as Error).message}`, { cause: err });
  }
  const present = parquetSchema(metadata).children.map((c) => c.element.name);
  const missing = (options.columns ?? []).filter((c) => !present.includes(c));
  if (missing.length > 0) {
    throw new DataError(file, undefined, `column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} missing; the file has ${present.join(', ')}`);
  }
  // Present optional columns join the required ones; without `columns` every column is decoded.
  const required = options.columns;
  const columns = required && [...required, ...(options.optionalColumns ?? []).filter((c) => present.includes(c) && !required.includes(c))];
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: buffer, metadata, ...(columns ? { columns } : {}), ...(options.binaryAsBytes ? { utf8: false } : {}) });
  } catch (err) {
    throw new DataError(file, undefined, `cannot decode Parquet data: ${(err as Error).message}`, { cause: err });
  }
  return rows.map((raw, i) => {
    const value: Record<string, unknown> = {};
    for (const [column, v] of Object.entries(raw)) value[column] = toPlain(v, file, i + 1, column);
    return { value, row: i + 1 };
  });
}

/** Read a Parquet file. A missing file throws DataError with code DATA_MISSING. */
export async function readParquet(file: string, options: ReadParquetOptions = {}): Promise<ParquetRecord[]> {
  return parseParquet(await readBytes(file), file, options);
}
