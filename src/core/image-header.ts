// Image size from the header alone (PNG, JPEG, GIF, WebP), checked before any decoding: a 100-byte
// PNG can claim 65535 × 65535 pixels and make a decoder allocate gigabytes (a decompression bomb).
// Files over a byte limit are refused from their size on disk, before they are read at all.
import { open, stat } from 'node:fs/promises';
import { DataError } from './errors.ts';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

export interface ImageLimits {
  /** Largest width × height accepted (default 50 megapixels, above any benchmark image). */
  maxPixels: number;
  /** Largest file accepted in bytes (default 50 MB). */
  maxBytes: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxPixels: 50_000_000, maxBytes: 50 * 1024 * 1024 };

const ascii = (b: Uint8Array, start: number, end: number): string => String.fromCharCode(...b.subarray(start, end));

function parsePng(b: Buffer): [number, number] | undefined {
  // Signature, then the IHDR chunk must come first: length(4) "IHDR" width(4) height(4), big-endian.
  if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR') return undefined;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function parseGif(b: Buffer): [number, number] | undefined {
  return b.length < 10 ? undefined : [b.readUInt16LE(6), b.readUInt16LE(8)];
}

function parseWebp(b: Buffer): [number, number] | undefined {
  if (b.length < 30) return undefined;
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8X') return [1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3)];
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return [1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff)];
  }
  if (chunk === 'VP8 ') return [b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff];
  return undefined;
}

function parseJpeg(b: Buffer): [number, number] | undefined {
  // Walk the marker segments to the first start-of-frame (SOF0–SOF15 except DHT, JPG, DAC).
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [b.readUInt16BE(at + 7), b.readUInt16BE(at + 5)];
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function detect(b: Buffer): ImageFormat | undefined {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** Parse and check an image header held in memory; `source` names the image in errors. */
export function checkImageHeader(bytes: Uint8Array, source: string, limits: Partial<ImageLimits> = {}): ImageHeader {
  const { maxPixels, maxBytes } = { ...DEFAULT_IMAGE_LIMITS, ...limits };
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > maxBytes) throw new DataError(source, undefined, `image is ${b.length} bytes, over the ${maxBytes}-byte limit`);
  const format = detect(b);
  if (format === undefined) throw new DataError(source, undefined, 'not a PNG, JPEG, GIF or WebP image');
  const parsers = { png: parsePng, jpeg: parseJpeg, gif: parseGif, webp: parseWebp };
  const size = parsers[format](b);
  if (size === undefined) throw new DataError(source, undefined, `truncated or malformed ${format.toUpperCase()} header`);
  const [width, height] = size;
  if (width === 0 || height === 0) throw new DataError(source, undefined, `${format.toUpperCase()} header gives an empty image (${width} × ${height})`);
  if (width * height > maxPixels) {
    throw new DataError(source, undefined, `image header claims ${width} × ${height} pixels, over the ${maxPixels}-pixel limit (refused before decoding)`);
  }
  return { format, width, height };
}

/** Check an image file: its size on disk first (nothing read when too big), then its header. */
export async function readImageHeader(file: string, limits: Partial<ImageLimits> = {}): Promise<ImageHeader> {
  const maxBytes = limits.maxBytes ?? DEFAULT_IMAGE_LIMITS.maxBytes;
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new DataError(file, undefined, 'image file not found', { code: 'DATA_MISSING', cause: err });
  }
  if (size > maxBytes) throw new DataError(file, undefined, `image is ${size} bytes, over the ${maxBytes}-byte limit`);
  // Headers sit in the first bytes except JPEG's, which may follow large EXIF/ICC segments.
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return checkImageHeader(buffer.subarray(0, bytesRead), file, limits);
  } finally {
    await handle.close();
  }
}
