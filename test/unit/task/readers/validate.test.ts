import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectObject, expectOneOf, listFiles, requireBoolean, requireString, sha256File } from '../../../../src/task/readers/index.ts';

const at = { file: 'test.jsonl', line: 3 };

describe('validators', () => {
  it('name file, line and field', () => {
    expect(() => requireString({ question: 'q' }, 'answer', at)).toThrow('test.jsonl:3: field "answer" missing');
    expect(() => requireString({ answer: 7 }, 'answer', at)).toThrow('test.jsonl:3: field "answer" must be a string, found number');
    expect(() => requireBoolean({ ok: 'yes' }, 'ok', at)).toThrow('field "ok" must be a boolean, found string');
    expect(() => expectObject([1], at)).toThrow('test.jsonl:3: expected a JSON object, found array');
    expect(() => expectOneOf('E', ['A', 'B'], 'answer', at)).toThrow('test.jsonl:3: field "answer" must be one of A, B, found "E"');
  });

  it('return the validated value', () => {
    expect(requireString({ answer: 'x' }, 'answer', at)).toBe('x');
    expect(expectOneOf('B', ['A', 'B'], 'answer', at)).toBe(1);
  });
});

describe('file helpers', () => {
  it('sha256File describes a file relative to its data folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sha-'));
    await writeFile(path.join(dir, 'a.txt'), 'abc');
    expect(await sha256File(path.join(dir, 'a.txt'), dir)).toEqual({
      path: 'a.txt',
      bytes: 3,
      // sha256("abc"), the FIPS 180-2 test vector
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });

  it('listFiles sorts names and reports a missing folder as DATA_MISSING', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ls-'));
    await writeFile(path.join(dir, 'b.csv'), '');
    await writeFile(path.join(dir, 'a.csv'), '');
    expect(await listFiles(dir)).toEqual(['a.csv', 'b.csv']);
    await expect(listFiles(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
