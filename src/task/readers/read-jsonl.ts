// JSON Lines with the 1-based line of each record. Blank lines (typically the trailing newline
// at the end of the file) are skipped but still counted, so line numbers match an editor's.
import { DataError } from '../../core/index.ts';
import { readText } from './file-access.ts';

export interface JsonlRecord {
  /** The parsed value; validate it before use (see validate.ts). */
  value: unknown;
  line: number;
}

/** Parse JSONL text; `file` only names the source in errors. */
export function parseJsonl(text: string, file: string): JsonlRecord[] {
  const out: JsonlRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // Tolerate CRLF files and a UTF-8 BOM on the first line.
    let raw = lines[i] ?? '';
    if (i === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    if (raw.trim() === '') continue;
    try {
      out.push({ value: JSON.parse(raw) as unknown, line: i + 1 });
    } catch (err) {
      throw new DataError(file, i + 1, `invalid JSON: ${(err as Error).message}`, { cause: err });
    }
  }
  return out;
}

/** Read a JSONL file. A missing file throws DataError with code DATA_MISSING. */
export async function readJsonl(file: string): Promise<JsonlRecord[]> {
  return parseJsonl(await readText(file), file);
}
