// VLMEvalKit TSVs as pandas reads them: quoting, line numbers, NA strings, dtype inference, and
// VLMEvalKit's image conventions (base64, references to another row, lists, image_path).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/index.ts';
import { readVlmevalTsv } from '../../../../src/task/readers/index.ts';
import { inferDtype, pandasText } from '../../../../src/task/readers/pandas-cells.ts';
import { readTsvRecords } from '../../../../src/task/readers/tsv-records.ts';

async function tsvFile(content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vlmeval-tsv-'));
  const file = path.join(dir, 'bench.tsv');
  await writeFile(file, content);
  return file;
}

async function records(content: string | Buffer) {
  const out: { fields: string[]; line: number }[] = [];
  for await (const r of readTsvRecords(await tsvFile(content))) out.push(r);
  return out;
}

const IMG = 'iVBORw0KGgo'.repeat(8); // longer than 64 characters: an image, not a reference

describe('tab-separated records (pandas C parser rules)', () => {
  it('quoted fields hold tabs, line breaks and doubled quotes; lines count from the record start', async () => {
    const r = await records('a\tb\n"x\ty"\t"two\nlines"\n\nplain "quote"\t"say ""hi"""\n');
    expect(r).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x\ty', 'two\nlines'], line: 2 },
      { fields: ['plain "quote"', 'say "hi"'], line: 5 },
    ]);
  });

  it('reads CRLF files, a BOM, a last line without newline, and text after a closing quote', async () => {
    expect(await records('\ufeffa\tb\r\n1\t"q"x\r\n2\t3')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'qx'], line: 2 },
      { fields: ['2', '3'], line: 3 },
    ]);
  });

  it('streams fields far larger than one read chunk', async () => {
    const big = 'A'.repeat(9 << 20);
    const r = await records(`index\timage\n1\t${big}\n2\t"${big}"\n`);
    expect(r.map((x) => [x.fields[0], x.fields[1]?.length, x.line])).toEqual([['index', 5, 1], ['1', big.length, 2], ['2', big.length, 3]]);
  });

  it('an unterminated quote, invalid UTF-8 and a missing file are DataErrors', async () => {
    await expect(records('a\n"open\n')).rejects.toThrow(/bench\.tsv:2: unterminated quoted field/);
    await expect(records(Buffer.from([0x61, 0x0a, 0xff, 0x0a]))).rejects.toThrow(/invalid UTF-8/);
    const missing = await readVlmevalTsv('/nonexistent/x.tsv', { required: [] }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DataError);
    expect((missing as DataError).code).toBe('DATA_MISSING');
  });
});

describe('pandas cell values', () => {
  it('NA strings are missing, exactly as spelled (pandas 2 adds "None")', () => {
    expect(pandasText('None', 'object')).toBeNull();
    expect(pandasText('NA', 'object')).toBeNull();
    expect(pandasText('', 'object')).toBeNull();
    expect(pandasText('none', 'object')).toBe('none');
    expect(pandasText(' NA', 'object')).toBe(' NA');
  });

  it('infers int, float, bool and object columns as the C parser does', () => {
    expect(inferDtype(['1', '2'])).toBe('int64');
    expect(inferDtype(['1', ''])).toBe('float64');
    expect(inferDtype(['1', '2.5'])).toBe('float64');
    expect(inferDtype(['True', 'false'])).toBe('bool');
    expect(inferDtype(['True', ''])).toBe('object');
    expect(inferDtype(['3', 'red'])).toBe('object');
    expect(pandasText('007', 'int64')).toBe('7');
    expect(pandasText('3', 'float64')).toBe('3.0');
    expect(pandasText('2.50', 'float64')).toBe('2.5');
    expect(pandasText('-inf', 'float64')).toBe('-inf');
    expect(pandasText('1e16', 'float64')).toBe('1e+16'); // float64 cells print as Python's repr
  });
});

describe('readVlmevalTsv', () => {
  it('checks the header and every row against it', async () => {
    await expect(readVlmevalTsv(await tsvFile('index\tquestion\n1\tq\n'), { required: ['answer'] })).rejects.toThrow(/bench\.tsv:1: missing column "answer"/);
    await expect(readVlmevalTsv(await tsvFile('index\tq\n1\ta\n2\tb\textra\n'), { required: [] })).rejects.toThrow(/bench\.tsv:3: expected 2 tab-separated fields/);
    await expect(readVlmevalTsv(await tsvFile('index\tq\n1\ta\n1\tb\n'), { required: [] })).rejects.toThrow(/bench\.tsv:3: column "index": 1 appears twice/);
    await expect(readVlmevalTsv(await tsvFile('a\ta\n'), { required: [] })).rejects.toThrow(/column "a" appears twice/);
  });

  it('gives the options present, in letter order, without NaN ones', async () => {
    const t = await readVlmevalTsv(await tsvFile(`index\tA\tB\tC\tD\n1\tcat\tNone\tdog\t\n`), { required: [] });
    expect(t.options(t.rows[0] as never)).toEqual([{ letter: 'A', text: 'cat' }, { letter: 'C', text: 'dog' }]);
  });

  it('follows image references, reads image lists, skips rows without an image', async () => {
    const t = await readVlmevalTsv(await tsvFile(`index\timage\n10\t${IMG}\n11\t10\n12\t['${IMG}', "${IMG}x"]\n13\t\n`), { required: ['image'] });
    const [a, b, c, d] = t.rows.map((r) => t.images(r));
    expect(a).toEqual([{ kind: 'base64', data: IMG }]);
    expect(b).toEqual(a);
    expect(c).toEqual([{ kind: 'base64', data: IMG }, { kind: 'base64', data: `${IMG}x` }]);
    expect(d).toBeNull();
    const bad = await readVlmevalTsv(await tsvFile(`index\timage\n1\t2\n2\t3\n3\t${IMG}\n`), { required: [] });
    expect(() => bad.images(bad.rows[0] as never)).toThrow(/bench\.tsv:2: column "image": "2" is not base64 and names no row/);
  });

  it('resolves image_path against the TSV folder when there is no image column', async () => {
    const file = await tsvFile('index\timage_path\n1\timages/a.jpg\n2\t["x.png", "y.png"]\n');
    const t = await readVlmevalTsv(file, { required: [] });
    expect(t.images(t.rows[0] as never)).toEqual([{ kind: 'path', path: path.join(path.dirname(file), 'images/a.jpg') }]);
    expect(t.images(t.rows[1] as never)?.map((i) => (i.kind === 'path' ? path.basename(i.path) : ''))).toEqual(['x.png', 'y.png']);
  });
});
