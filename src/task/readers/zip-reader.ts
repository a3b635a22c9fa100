// Reading entries of a ZIP archive in memory, for benchmarks published zipped (C-Eval's
// ceval-exam.zip) so that users can point --data-dir at the download as it is. Only what such
// archives use: the central directory (APPNOTE 4.3.12/4.3.16), stored (0) and deflated (8)
// entries, no ZIP64, no encryption, no multi-disk. Everything else is a DataError naming the
// archive and the entry, never a wrong read: every entry is checked against its size and CRC-32.
import { inflateRawSync } from 'node:zlib';
import { DataError } from '../../core/index.ts';
import { readBytes } from './file-access.ts';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  /** Path inside the archive, with forward slashes; folders end in "/". */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE, as ZIP and gzip use it); a table is enough for a few megabytes of data. */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export class ZipArchive {
  readonly file: string;
  readonly entries: readonly ZipEntry[];
  private readonly bytes: Buffer;
  private readonly byName: Map<string, ZipEntry>;

  constructor(file: string, bytes: Buffer, entries: ZipEntry[]) {
    this.file = file;
    this.bytes = bytes;
    this.entries = entries;
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** How errors and Sample origins name an entry: `archive.zip!/dev/x.csv`. */
  entryPath(name: string): string {
    return `${this.file}!/${name}`;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Names of the file entries (not folders), in archive order. */
  fileNames(): string[] {
    return this.entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
  }

  /** The uncompressed bytes of an entry; a missing entry is DATA_MISSING. */
  read(name: string): Buffer {
    const entry = this.byName.get(name);
    if (entry === undefined) throw new DataError(this.entryPath(name), undefined, 'no such entry in the archive', { code: 'DATA_MISSING' });
    const fail = (problem: string, cause?: unknown): DataError =>
      new DataError(this.entryPath(name), undefined, problem, cause === undefined ? {} : { cause });
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) throw fail('local header not found (truncated or corrupt archive)');
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw fail('entry data runs past the end of the archive');
    const raw = this.bytes.subarray(start, end);
    let data: Buffer;
    if (entry.method === 0) data = Buffer.from(raw);
    else if (entry.method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch (err) {
        throw fail(`cannot inflate: ${(err as Error).message}`, err);
      }
    } else throw fail(`unsupported compression method ${entry.method} (only stored and deflated)`);
    if (data.length !== entry.size) throw fail(`size ${data.length} differs from the ${entry.size} bytes in the central directory`);
    if (crc32(data) !== entry.crc32) throw fail('CRC-32 mismatch (corrupt archive)');
    return data;
  }

  /** An entry decoded as UTF-8 (a leading byte-order mark is left to the caller's parser). */
  readText(name: string): string {
    return this.read(name).toString('utf8');
  }
}

function findEndOfCentralDirectory(bytes: Buffer, file: string): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let i = bytes.length - EOCD_SIZE; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new DataError(file, undefined, 'not a ZIP archive (no end-of-central-directory record)');
}

/** Parse an archive held in memory; `file` names it in errors. */
export function parseZip(bytes: Buffer, file: string): ZipArchive {
  if (bytes.length < EOCD_SIZE) throw new DataError(file, undefined, 'not a ZIP archive (too short)');
  const eocd = findEndOfCentralDirectory(bytes, file);
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0) throw new DataError(file, undefined, 'multi-disk ZIP archives are not supported');
  if (count === 0xffff || cdOffset === 0xffffffff) throw new DataError(file, undefined, 'ZIP64 archives are not supported');
  if (cdOffset + cdSize > eocd) throw new DataError(file, undefined, 'central directory lies outside the archive (truncated?)');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new DataError(file, undefined, `central directory entry ${i + 1} of ${count} is corrupt`);
    const flags = bytes.readUInt16LE(p + 8);
    const nameLength = bytes.readUInt16LE(p + 28);
    // Names are CP437 unless flag bit 11 says UTF-8; benchmark archives use ASCII names, for
    // which both agree, so UTF-8 decoding is right in practice.
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (flags & 1) throw new DataError(`${file}!/${name}`, undefined, 'encrypted entries are not supported');
    entries.push({
      name,
      method: bytes.readUInt16LE(p + 10),
      crc32: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return new ZipArchive(file, bytes, entries);
}

/** Open a ZIP file (read whole: benchmark archives are megabytes). Missing → DATA_MISSING. */
export async function openZip(file: string): Promise<ZipArchive> {
  return parseZip(await readBytes(file), file);
}
