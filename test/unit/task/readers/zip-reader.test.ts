import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/index.ts';
import { crc32, openZip, parseZip } from '../../../../src/task/readers/index.ts';

/** A minimal ZIP writer (local headers, central directory, end record), for building test archives. */
function makeZip(entries: { name: string; data: Buffer; method: 0 | 8 }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method } of entries) {
    const body = method === 8 ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const text = '问题,答案\n' + 'x'.repeat(500) + '\n';

describe('zip reader', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('reads stored and deflated entries and lists files without folders', () => {
    const zip = parseZip(
      makeZip([
        { name: 'dev/', data: Buffer.alloc(0), method: 0 },
        { name: 'dev/a.csv', data: Buffer.from(text), method: 8 },
        { name: 'val/b.csv', data: Buffer.from('plain'), method: 0 },
      ]),
      '/d/x.zip',
    );
    expect(zip.fileNames()).toEqual(['dev/a.csv', 'val/b.csv']);
    expect(zip.entries[1]?.compressedSize).toBeLessThan(text.length);
    expect(zip.readText('dev/a.csv')).toBe(text);
    expect(zip.readText('val/b.csv')).toBe('plain');
    expect(zip.has('dev/a.csv')).toBe(true);
    expect(zip.entryPath('dev/a.csv')).toBe('/d/x.zip!/dev/a.csv');
  });

  it('names the archive and entry in errors: missing entry, corrupt data, unsupported method', () => {
    const good = makeZip([{ name: 'a.csv', data: Buffer.from(text), method: 8 }]);
    const zip = parseZip(good, '/d/x.zip');
    expect(() => zip.read('b.csv')).toThrow(expect.objectContaining({ code: 'DATA_MISSING', message: '/d/x.zip!/b.csv: no such entry in the archive' }));
    const corrupt = Buffer.from(good);
    corrupt[35] = (corrupt[35] ?? 0) ^ 0xff; // first bytes of the deflated body (30-byte header + 5-byte name)
    expect(() => parseZip(corrupt, '/d/x.zip').read('a.csv')).toThrow(/^\/d\/x\.zip!\/a\.csv: (cannot inflate|size|CRC-32 mismatch)/);
    const bzip = Buffer.from(good);
    bzip.writeUInt16LE(12, good.length - 22 - 51 + 10); // central header's method field → bzip2
    expect(() => parseZip(bzip, '/d/x.zip').read('a.csv')).toThrow('/d/x.zip!/a.csv: unsupported compression method 12 (only stored and deflated)');
  });

  it('refuses what is not a zip, or a truncated one, naming the file', async () => {
    expect(() => parseZip(Buffer.from('id,question\n'.repeat(10)), '/d/y.zip')).toThrow(new DataError('/d/y.zip', undefined, 'not a ZIP archive (no end-of-central-directory record)'));
    const good = makeZip([{ name: 'a.csv', data: Buffer.from(text), method: 8 }]);
    const truncated = good.subarray(20); // offsets now point past the data they name
    expect(() => parseZip(truncated, '/d/t.zip')).toThrow(/^\/d\/t\.zip: central directory/);
    const dir = await mkdtemp(path.join(tmpdir(), 'zip-'));
    await expect(openZip(path.join(dir, 'absent.zip'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
    await writeFile(path.join(dir, 'ok.zip'), good);
    expect((await openZip(path.join(dir, 'ok.zip'))).readText('a.csv')).toBe(text);
  });

  const real = path.resolve(import.meta.dirname, '../../../../../shared/datasets/ceval/ceval-exam.zip');
  it.skipIf(!existsSync(real))(`reads every entry of the real ceval-exam.zip (skipped when ${real} is absent)`, async () => {
    const zip = await openZip(real);
    expect(zip.entries).toHaveLength(159); // 156 CSVs + 3 folders
    expect(zip.fileNames()).toHaveLength(156);
    expect(new Set(zip.entries.map((e) => e.method))).toEqual(new Set([0, 8]));
    let bytes = 0;
    for (const name of zip.fileNames()) bytes += zip.read(name).length; // each checked by size and CRC
    expect(bytes).toBe(3_693_875); // `unzip -l` total
  });
});
