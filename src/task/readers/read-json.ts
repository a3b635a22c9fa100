// Whole-file JSON (a benchmark's questions as one array or one object keyed by id). A parse error
// names the file and the line and column where the text stops being JSON: V8's message gives a
// character position only for some errors, so the position is found by a small syntax scan of our
// own. A JSON file's records have no useful line (pretty-printed or not), so records are named by
// their 1-based position in their list, "<file>#<list>:<n>", as the BBH loader names them.
import path from 'node:path';
import { DataError } from '../../core/index.ts';
import { readText } from './file-access.ts';
import { expectObject, type Location } from './validate.ts';

/** Parse JSON text; `file` only names the source in errors. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const at = lineAndColumn(text, syntaxErrorOffset(text));
    const where = at === undefined ? '' : ` at column ${at.column}`;
    throw new DataError(file, at?.line, `invalid JSON${where}: ${(err as Error).message}`, { cause: err });
  }
}

/** Read and parse a JSON file. A missing file throws DataError with code DATA_MISSING. */
export async function readJsonFile(file: string): Promise<unknown> {
  return parseJson(await readText(file), file);
}

/**
 * Read the first of `candidates` (paths relative to `root`) that exists: releases name the same
 * file differently. None present: DATA_MISSING "no <what>: expected a or b" naming `root`.
 */
export async function readFirstJsonFile(root: string, candidates: readonly string[], what: string): Promise<{ rel: string; file: string; value: unknown }> {
  for (const rel of candidates) {
    const file = path.join(root, rel);
    try {
      return { rel, file, value: await readJsonFile(file) };
    } catch (err) {
      if (!(err instanceof DataError && err.code === 'DATA_MISSING')) throw err;
    }
  }
  throw new DataError(root, undefined, `no ${what}: expected ${candidates.join(' or ')}`, { code: 'DATA_MISSING' });
}

/**
 * Map the elements of a JSON list, each required to be an object, in order: element n is checked
 * and mapped before element n + 1 is looked at, so the first bad record is the one reported. Each
 * gets its location "<file>#<list>", line = 1-based position, and its 0-based index. `value` not a
 * list: DataError on `file` with `notAList` as the problem (e.g. 'expected a JSON array of questions').
 */
export function mapJsonList<T>(value: unknown, file: string, list: string, notAList: string, each: (row: Record<string, unknown>, at: Location, index: number) => T): T[] {
  if (!Array.isArray(value)) throw new DataError(file, undefined, notAList);
  return value.map((item: unknown, index) => {
    const at = { file: `${file}#${list}`, line: index + 1 };
    return each(expectObject(item, at), at, index);
  });
}

function lineAndColumn(text: string, offset: number | undefined): { line: number; column: number } | undefined {
  if (offset === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/**
 * The offset of the first character at which `text` stops being JSON (RFC 8259), or undefined
 * when it is valid or nested too deeply to scan. Only called after JSON.parse failed.
 */
function syntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const space = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (ch: string): void => {
    space();
    if (text[i] !== ch) fail();
    i++;
  };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  const string = (): void => {
    expect('"');
    sticky(STRING_BODY);
    if (text[i] !== '"') fail();
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          string();
          expect(':');
        }
        value();
        space();
        if (text[i] === ',') i++;
        else return expect(close);
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (!sticky(NUMBER)) fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (err) {
    if (err instanceof JsonSyntaxAt) return err.offset;
    return undefined; // too deep for the call stack: no position rather than a wrong one
  }
}

class JsonSyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}
