// Tab-separated records as pandas' `read_csv(sep='\t')` reads them (VLMEvalKit's benchmark files),
// streamed: an MMBench TSV is 100+ MB of base64 images, so the file is decoded chunk by chunk and
// never held whole as one string. Quoting follows pandas' C parser (QUOTE_MINIMAL, quotechar '"'):
// a field that *starts* with a quote runs to the matching quote ("" is a literal quote) and may hold
// tabs and newlines; a quote anywhere else is an ordinary character; text after a closing quote is
// kept. Empty lines are skipped (pandas' skip_blank_lines) but counted, so lines match an editor's.
import { createReadStream } from 'node:fs';
import { DataError } from '../../core/index.ts';

export interface TsvRecord {
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

/** A record parsed from `text` at `pos`, or null when `text` ends before the record does. */
interface Parsed {
  fields: string[];
  /** Index just past the record's terminating newline (or the end of the text). */
  end: number;
  newlines: number;
}

const TERMINATOR = /[\t\n]/g;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function parseRecord(text: string, pos: number, atEof: boolean, file: string, line: number): Parsed | null {
  const fields: string[] = [];
  let p = pos;
  for (;;) {
    let value = '';
    if (text.charCodeAt(p) === 0x22 /* " */) {
      let q = p + 1;
      for (;;) {
        const close = text.indexOf('"', q);
        if (close === -1) {
          if (atEof) throw new DataError(file, line, 'unterminated quoted field (a field opened with " never closes)');
          return null;
        }
        value += text.slice(q, close);
        if (close + 1 >= text.length && !atEof) return null;
        if (text.charCodeAt(close + 1) === 0x22) {
          value += '"';
          q = close + 2;
          continue;
        }
        p = close + 1;
        break;
      }
    }
    TERMINATOR.lastIndex = p;
    const m = TERMINATOR.exec(text);
    if (m === null && !atEof) return null;
    const stop = m === null ? text.length : m.index;
    value += text.slice(p, stop);
    const endOfRecord = m === null || m[0] === '\n';
    // A CRLF file: the \r belongs to the line terminator, not to the last field.
    fields.push(endOfRecord && value.endsWith('\r') ? value.slice(0, -1) : value);
    if (endOfRecord) {
      const end = m === null ? text.length : stop + 1;
      return { fields, end, newlines: countNewlines(text, pos, end) };
    }
    p = stop + 1;
  }
}

function isBlankLine(text: string, pos: number): 0 | 1 | 2 {
  if (text.charCodeAt(pos) === 0x0a) return 1;
  if (text.charCodeAt(pos) === 0x0d && text.charCodeAt(pos + 1) === 0x0a) return 2;
  return 0;
}

/** Stream the records of a tab-separated file. A missing file is DATA_MISSING; bad UTF-8 a DataError. */
export async function* readTsvRecords(file: string): AsyncGenerator<TsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let buffer = '';
  let line = 1;
  let first = true;
  const stream = createReadStream(file, { highWaterMark: 4 << 20 });
  try {
    let done = false;
    const chunks = stream[Symbol.asyncIterator]();
    while (!done) {
      const next = await chunks.next();
      done = next.done === true;
      try {
        buffer += done ? decoder.decode() : decoder.decode(next.value as Buffer, { stream: true });
      } catch (err) {
        throw new DataError(file, line, 'invalid UTF-8 (the file must be UTF-8 encoded)', { cause: err });
      }
      if (first && buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      if (buffer !== '') first = false;
      let pos = 0;
      while (pos < buffer.length) {
        const blank = isBlankLine(buffer, pos);
        if (blank > 0) {
          pos += blank;
          line++;
          continue;
        }
        const parsed = parseRecord(buffer, pos, done, file, line);
        if (parsed === null) break;
        yield { fields: parsed.fields, line };
        line += parsed.newlines;
        pos = parsed.end;
      }
      buffer = buffer.slice(pos);
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DataError(file, undefined, 'file not found', { code: 'DATA_MISSING', cause: err });
    throw new DataError(file, undefined, `cannot read: ${(err as Error).message}`, { cause: err });
  } finally {
    stream.destroy();
  }
}
