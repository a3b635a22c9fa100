import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/index.ts';
import { expectColumns, parseCsv, readCsv } from '../../../../src/task/readers/index.ts';

describe('readCsv', () => {
  it('gives each record the line it starts on, across quoted newlines and blank lines', () => {
    const t = parseCsv('a,b\n"x\ny",c\n\nd,e\n', 'f.csv', { header: false });
    expect(t.rows).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x\ny', 'c'], line: 2 },
      { fields: ['d', 'e'], line: 5 },
    ]);
  });

  it('returns the header apart when asked, and strips a BOM', () => {
    const t = parseCsv('\uFEFFq,answer\nwhat,1\n', 'f.csv', { header: true });
    expect(t.header).toEqual(['q', 'answer']);
    expect(t.rows).toEqual([{ fields: ['what', '1'], line: 2 }]);
  });

  it('does not enforce column counts itself, so the validator can name the line', () => {
    const t = parseCsv('a,b,c\nd,e\n', 'x_test.csv', { header: false });
    const row = t.rows[1]!;
    expect(() => expectColumns(row.fields, 3, { file: 'test/x_test.csv', line: row.line })).toThrow(
      'test/x_test.csv:2: expected 3 columns, found 2',
    );
  });

  it('wraps csv-parse errors in a DataError naming the file and line', () => {
    let err: unknown;
    try {
      parseCsv('a,b\n"open,c\n', 'bad.csv', { header: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe('DATA_MALFORMED');
    expect((err as DataError).message).toMatch(/^bad\.csv:\d+: invalid CSV/);
  });

  it('reports a missing file as DATA_MISSING', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'csv-'));
    const file = path.join(dir, 'nope.csv');
    await expect(readCsv(file, { header: false })).rejects.toMatchObject({ code: 'DATA_MISSING', file });
  });

  it('reads a file from disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'csv-'));
    const file = path.join(dir, 'ok.csv');
    await writeFile(file, 'q,1\r\nr,2\r\n');
    const t = await readCsv(file, { header: false });
    expect(t.file).toBe(file);
    expect(t.rows.map((r) => r.fields)).toEqual([
      ['q', '1'],
      ['r', '2'],
    ]);
  });
});
