import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/index.ts';
import { parseJsonl, readJsonl } from '../../../../src/task/readers/index.ts';

describe('readJsonl', () => {
  it('parses one value per line with its line number; blank lines are skipped but counted', () => {
    expect(parseJsonl('{"a":1}\r\n\n{"a":2}\n', 'f.jsonl')).toEqual([
      { value: { a: 1 }, line: 1 },
      { value: { a: 2 }, line: 3 },
    ]);
  });

  it('throws DataError naming file and line for a line that is not JSON', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jsonl-'));
    const file = path.join(dir, 'test.jsonl');
    await writeFile(file, '{"question": "q", "answer": "#### 1"}\n{"question": "q", \n');
    const err = await readJsonl(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err).toMatchObject({ code: 'DATA_MALFORMED', file, line: 2 });
    expect((err as DataError).message).toContain(`${file}:2: invalid JSON:`);
  });

  it('reports a missing file as DATA_MISSING', async () => {
    await expect(readJsonl('/nonexistent/dir/test.jsonl')).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
