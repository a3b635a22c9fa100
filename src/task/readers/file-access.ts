// Opening dataset files and folders. A missing path is the user's most common mistake (wrong
// --data-dir), so it gets its own code (DATA_MISSING) and a message naming the path; any other
// read failure is reported as malformed data for that file.
import { readdir, readFile, stat } from 'node:fs/promises';
import { DataError } from '../../core/index.ts';

function isNotFound(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');
}

/**
 * Read a whole file as UTF-8 text. Invalid UTF-8 is refused with the file and line: decoding it
 * leniently would turn bytes into U+FFFD and silently change prompts and targets.
 */
export async function readText(file: string): Promise<string> {
  const bytes = await readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(file, lineOfInvalidUtf8(bytes), 'invalid UTF-8 (the file must be UTF-8 encoded)');
  }
}

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function lineOfInvalidUtf8(bytes: Buffer): number {
  let start = 0;
  let line = 1;
  const strict = new TextDecoder('utf-8', { fatal: true });
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      strict.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    if (end === -1) break;
    start = end + 1;
    line += 1;
  }
  return line;
}

/** Read a whole file as bytes. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    if (isNotFound(err)) throw new DataError(file, undefined, 'file not found', { code: 'DATA_MISSING', cause: err });
    throw new DataError(file, undefined, `cannot read: ${(err as Error).message}`, { cause: err });
  }
}

/** Whether a directory exists (for layout detection; absence is not an error there). */
export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Names of the regular files in `dir` (not recursive), sorted by code point so that the order
 * (and hence sample order and the manifest) does not depend on the file system or the locale.
 */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    if (isNotFound(err)) throw new DataError(dir, undefined, 'directory not found', { code: 'DATA_MISSING', cause: err });
    throw new DataError(dir, undefined, `cannot list directory: ${(err as Error).message}`, { cause: err });
  }
}
