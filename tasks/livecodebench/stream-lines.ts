// LiveCodeBench's JSONL files are large (each test*.jsonl of code_generation_lite is hundreds of
// MB: the private tests are inlined), too large to read as one string. They are streamed line by
// line instead, hashing the bytes on the way for the manifest, and each problem remembers where
// its line is so that its tests are read again only when its solution is graded.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { DataError, type DatasetFile } from '../../src/core/index.ts';

export interface StreamedLine {
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset and length of the line in the file (without its newline). */
  offset: number;
  length: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer, file: string, line: number): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DataError(file, line, 'invalid UTF-8 (the file must be UTF-8 encoded)');
  }
}

/** Call `onLine` for each non-blank line of `file`; returns the file's manifest entry. */
export async function streamLines(file: string, root: string, onLine: (line: StreamedLine) => void): Promise<DatasetFile> {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingStart = 0; // file offset of the first pending byte
  let position = 0; // file offset of the next chunk
  let line = 0;
  const emit = (bytes: Buffer, offset: number): void => {
    line += 1;
    const text = decode(bytes, file, line);
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() !== '') onLine({ text: trimmed, line, offset, length: bytes.length });
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      let from = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
        const piece = chunk.subarray(from, nl);
        const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        emit(bytes, pendingStart);
        pending = [];
        from = nl + 1;
        pendingStart = position + from;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
      position += chunk.length;
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(file, undefined, 'file not found', { code: 'DATA_MISSING', cause: err });
    throw new DataError(file, undefined, `cannot read: ${(err as Error).message}`, { cause: err });
  }
  if (pending.length > 0) emit(Buffer.concat(pending), pendingStart);
  return { path: path.relative(root, file).split(path.sep).join('/'), sha256: hash.digest('hex'), bytes: position };
}

/** The text of one line again, from its byte range. */
export async function readLineAt(file: string, offset: number, length: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, offset);
    if (bytesRead !== length) throw new DataError(file, undefined, `the file changed since it was loaded (short read at byte ${offset})`);
    return decode(bytes, file, 0).replace(/\r$/, '');
  } finally {
    await handle.close();
  }
}
