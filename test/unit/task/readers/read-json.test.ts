import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/index.ts';
import { mapJsonList, parseJson, readFirstJsonFile, readJsonFile } from '../../../../src/task/readers/index.ts';

/** The error parseJson throws for `text`, as [line, message after "f.json:<line>: "]. */
function parseError(text: string): [number | undefined, string] {
  try {
    parseJson(text, 'f.json');
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    const e = err as DataError;
    expect(e.code).toBe('DATA_MALFORMED');
    return [e.line, e.message.replace(/^f\.json(:\d+)?: /, '')];
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseJson / readJsonFile', () => {
  it('returns the parsed value', () => {
    expect(parseJson('{"a": [1, "x", null, true]}\n', 'f.json')).toEqual({ a: [1, 'x', null, true] });
  });

  it('names the line and column where the text stops being JSON, whatever V8 says', () => {
    const cases: [string, number, number][] = [
      ['{\n  "a": 1,\n  "b": }\n', 3, 8], // V8 gives no position for this one
      ['[\n  {"q": "x"},\n  {"q": "y",}\n]', 3, 13], // trailing comma in an object
      ['[1, 2,\n]', 2, 1], // trailing comma in a list
      ['{"a": "tab\there"}', 1, 11], // raw control character inside a string
      ['{"a": "\\x"}', 1, 8], // unknown escape
      ['[01]', 1, 3], // leading zero
      ['[1]\nx', 2, 1], // text after the value
      ['{"a": [1, 2', 1, 12], // cut short: the end of the text
      ['', 1, 1],
      ['\uFEFF[]', 1, 1], // a byte-order mark is not JSON
    ];
    for (const [text, line, column] of cases) {
      const [errLine, message] = parseError(text);
      expect([errLine, message.slice(0, message.indexOf(':'))], JSON.stringify(text)).toEqual([line, `invalid JSON at column ${column}`]);
    }
  });

  it('gives the file without a line when the text is too deeply nested to scan', () => {
    const deep = `${'['.repeat(200_000)}x`;
    const [line, message] = parseError(deep);
    expect(line).toBeUndefined();
    expect(message).toMatch(/^invalid JSON: /);
  });

  it('reads a file; a missing file is DATA_MISSING', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'json-'));
    await writeFile(path.join(dir, 'a.json'), '[{"id": 1}]');
    expect(await readJsonFile(path.join(dir, 'a.json'))).toEqual([{ id: 1 }]);
    await expect(readJsonFile(path.join(dir, 'none.json'))).rejects.toMatchObject({ code: 'DATA_MISSING', file: path.join(dir, 'none.json') });
  });
});

describe('readFirstJsonFile', () => {
  it('reads the first candidate present; a present but broken one is an error, none present is DATA_MISSING', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'json-first-'));
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', 'b.json'), '{"x": 2}');
    expect(await readFirstJsonFile(dir, ['a.json', 'sub/b.json'], 'test file')).toEqual({ rel: 'sub/b.json', file: path.join(dir, 'sub', 'b.json'), value: { x: 2 } });
    await writeFile(path.join(dir, 'a.json'), '{"x": ');
    await expect(readFirstJsonFile(dir, ['a.json', 'sub/b.json'], 'test file')).rejects.toMatchObject({ code: 'DATA_MALFORMED', file: path.join(dir, 'a.json'), line: 1 });
    const err = await readFirstJsonFile(dir, ['c.json', 'd.json'], 'test file').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DATA_MISSING', file: dir, message: `${dir}: no test file: expected c.json or d.json` });
  });
});

describe('mapJsonList', () => {
  it('maps each object with its location "<file>#<list>", 1-based position, and its index', () => {
    const seen = mapJsonList([{ a: 1 }, { a: 2 }], 'f.json', 'record', 'expected a list', (row, at, index) => ({ row, at, index }));
    expect(seen).toEqual([
      { row: { a: 1 }, at: { file: 'f.json#record', line: 1 }, index: 0 },
      { row: { a: 2 }, at: { file: 'f.json#record', line: 2 }, index: 1 },
    ]);
  });

  it('refuses a value that is not a list; records are checked in order, the first bad one is reported', () => {
    const keep = (row: Record<string, unknown>) => row;
    expect(() => mapJsonList({ a: 1 }, 'f.json', 'record', 'expected a JSON array of questions', keep)).toThrow(/^f\.json: expected a JSON array of questions$/);
    expect(() => mapJsonList([{}, 3], 'f.json', 'data', 'x', keep)).toThrow('f.json#data:2: expected a JSON object, found number');
    const firstBad = (row: Record<string, unknown>, at: { file: string; line: number }) => {
      if (row['ok'] !== true) throw new DataError(at.file, at.line, 'not ok');
      return row;
    };
    expect(() => mapJsonList([{ ok: true }, { ok: false }, 'x'], 'f.json', 'data', 'x', firstBad)).toThrow('f.json#data:2: not ok');
  });
});
