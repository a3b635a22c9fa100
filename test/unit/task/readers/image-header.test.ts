import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkImageHeader, readImageHeader } from '../../../../src/task/readers/index.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG whose IHDR says width × height (pixel data only valid when it matches). */
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc(Math.min(height, 4) * (1 + Math.min(width, 4)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.write('GIF89a', 0, 'ascii');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

function webpVp8x(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'ascii');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

describe('image headers', () => {
  it('reads the size of PNG, GIF, JPEG and WebP images', () => {
    expect(checkImageHeader(png(3, 2), 'a.png')).toEqual({ format: 'png', width: 3, height: 2 });
    expect(checkImageHeader(gif(640, 480), 'a.gif')).toEqual({ format: 'gif', width: 640, height: 480 });
    expect(checkImageHeader(jpeg(1024, 768), 'a.jpg')).toEqual({ format: 'jpeg', width: 1024, height: 768 });
    expect(checkImageHeader(webpVp8x(800, 600), 'a.webp')).toEqual({ format: 'webp', width: 800, height: 600 });
  });

  it('refuses a PNG whose header claims 2 GB of pixels, naming the file', () => {
    const bomb = png(46341, 46341); // ≈ 2.1e9 pixels in a file of ~70 bytes
    expect(bomb.length).toBeLessThan(200);
    expect(() => checkImageHeader(bomb, 'images/bomb.png')).toThrow(/^images\/bomb\.png: image header claims 46341 × 46341 pixels/);
    expect(() => checkImageHeader(jpeg(65535, 65535), 'x.jpg')).toThrow(/over the 50000000-pixel limit/);
  });

  it('refuses an oversized file from its size on disk', async () => {
    const dir = freshTempDir();
    const file = join(dir, 'big.png');
    writeFileSync(file, Buffer.concat([png(10, 10), Buffer.alloc(4096)]));
    await expect(readImageHeader(file, { maxBytes: 1024 })).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: expect.stringMatching(/big\.png: image is \d+ bytes, over the 1024-byte limit/) as unknown });
    await expect(readImageHeader(file)).resolves.toEqual({ format: 'png', width: 10, height: 10 });
  });

  it('refuses text, truncated headers and empty images with coded errors', async () => {
    expect(() => checkImageHeader(Buffer.from('hello, not an image'), 't.png')).toThrow(/t\.png: not a PNG, JPEG, GIF or WebP image/);
    expect(() => checkImageHeader(png(4, 4).subarray(0, 20), 'cut.png')).toThrow(/cut\.png: truncated or malformed PNG header/);
    expect(() => checkImageHeader(gif(0, 10), 'e.gif')).toThrow(/empty image/);
    await expect(readImageHeader(join(freshTempDir(), 'absent.png'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
