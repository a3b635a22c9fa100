// CSV as the benchmarks publish it, with the 1-based line on which each record starts, so that
// an error can point a user at the exact place in the file. Column counts are not enforced here
// (relax_column_count) because the caller knows the expected shape and gives a better message.
import { parse } from 'csv-parse/sync';
import { DataError } from '../../core/index.ts';
import { readText } from './file-access.ts';

export interface CsvRow {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  line: number;
}

export interface CsvTable {
  file: string;
  /** The header record when `header: true`, else null. */
  header: string[] | null;
  rows: CsvRow[];
}

export interface ReadCsvOptions {
  /** Treat the first record as a header (returned apart, not as a row). */
  header: boolean;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Parse CSV text; `file` only names the source in errors. */
export function parseCsv(text: string, file: string, options: ReadCsvOptions): CsvTable {
  // With `info: true` csv-parse returns {record, info} objects; its typings do not model that.
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (err) {
    // csv-parse reports the line it stopped on; keep it so the message points at the file.
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : undefined;
    throw new DataError(file, line, `invalid CSV: ${(err as Error).message}`, { cause: err });
  }
  // csv-parse's `info.lines` is the line a record *ends* on; subtract the newlines inside its
  // quoted fields to get the line where it starts, which is where an editor should jump.
  const rows: CsvRow[] = parsed.map(({ record, info }) => ({
    fields: record,
    line: info.lines - record.reduce((n, f) => n + countNewlines(f), 0),
  }));
  if (!options.header) return { file, header: null, rows };
  const first = rows.shift();
  if (first === undefined) throw new DataError(file, undefined, 'empty CSV file: expected a header row');
  return { file, header: first.fields, rows };
}

/** Read a CSV file. A missing file throws DataError with code DATA_MISSING. */
export async function readCsv(file: string, options: ReadCsvOptions): Promise<CsvTable> {
  return parseCsv(await readText(file), file, options);
}
