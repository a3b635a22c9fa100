import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/index.ts';
import { parseParquet, parquetRowLocation, readParquet, requireInteger, requireStringList } from '../../../../src/task/readers/index.ts';
import { writeParquet } from '../../../support/parquet-writer.ts';

const table = writeParquet([
  { name: 'id', kind: 'int64', values: [7, 8, 9] },
  { name: 'text', kind: 'string', values: ['première', '', null] },
  { name: 'options', kind: 'string-list', values: [['a', 'b'], [], null] },
]);

describe('readParquet', () => {
  it('returns rows as plain objects with 1-based row numbers; INT64 as numbers, lists as arrays, nulls as null', async () => {
    expect(await parseParquet(table, 'x.parquet')).toEqual([
      { value: { id: 7, text: 'première', options: ['a', 'b'] }, row: 1 },
      { value: { id: 8, text: '', options: [] }, row: 2 },
      { value: { id: 9, text: null, options: null }, row: 3 },
    ]);
  });

  it('decodes only the requested columns, after checking they all exist', async () => {
    expect((await parseParquet(table, 'x.parquet', { columns: ['id'] })).map((r) => r.value)).toEqual([{ id: 7 }, { id: 8 }, { id: 9 }]);
    await expect(parseParquet(table, 'x.parquet', { columns: ['id', 'answer', 'gold'] })).rejects.toThrow('x.parquet: columns "answer", "gold" missing; the file has id, text, options');
  });

  it('keeps unannotated binary columns as bytes when asked, and decodes optional columns when present', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]); // not valid UTF-8
    const images = writeParquet([
      { name: 'id', kind: 'string', values: ['a'] },
      { name: 'image_1', kind: 'struct', fields: [{ name: 'bytes', kind: 'bytes', values: [png] }, { name: 'path', kind: 'string', values: ['1.png'] }] },
    ]);
    const [asBytes] = await parseParquet(images, 'x.parquet', { columns: ['id'], optionalColumns: ['image_1', 'image_2'], binaryAsBytes: true });
    expect(asBytes?.value).toEqual({ id: 'a', image_1: { bytes: png, path: '1.png' } });
    const [asText] = await parseParquet(images, 'x.parquet', { columns: ['id', 'image_1'] });
    expect(typeof (asText?.value['image_1'] as { bytes: unknown }).bytes).toBe('string'); // hyparquet's default: bytes lost to UTF-8
    expect((await parseParquet(images, 'x.parquet', { columns: ['id'] }))[0]?.value).toEqual({ id: 'a' });
  });

  it('refuses bytes that are not Parquet, and a missing file is DATA_MISSING', async () => {
    const err = await parseParquet(new TextEncoder().encode('a,b\n1,2\n'), 'x.parquet').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/^x\.parquet: not a readable Parquet file/);
    const dir = await mkdtemp(path.join(tmpdir(), 'pq-'));
    await expect(readParquet(path.join(dir, 'none.parquet'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
    await writeFile(path.join(dir, 'cut.parquet'), table.subarray(0, table.length - 20));
    await expect(readParquet(path.join(dir, 'cut.parquet'))).rejects.toThrow(/cut\.parquet: not a readable Parquet file/);
  });

  it('typed field validators name the file, the row and the field', async () => {
    const [first, , third] = await parseParquet(table, 'x.parquet');
    const at = parquetRowLocation('x.parquet', 3);
    expect(requireInteger(first!.value, 'id', at)).toBe(7);
    expect(requireStringList(first!.value, 'options', at)).toEqual(['a', 'b']);
    expect(() => requireStringList(third!.value, 'options', at)).toThrow('x.parquet#row:3: field "options" must be a non-empty list of strings, found null');
    expect(() => requireInteger(third!.value, 'text', at)).toThrow('x.parquet#row:3: field "text" must be an integer, found null');
    expect(() => requireInteger({ n: 1.5 }, 'n', at)).toThrow('field "n" must be an integer, found number');
    expect(() => requireStringList({ o: ['a', 2] }, 'o', at)).toThrow('field "o" item 1 must be a string, found number');
  });
});
