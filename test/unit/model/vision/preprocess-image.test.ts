import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../../../src/core/index.ts';
import { decodeBase64Image } from '../../../../src/model/vision/image-bytes.ts';
import { preprocessImage } from '../../../../src/model/vision/preprocess-image.ts';
import { parsePreprocessorConfig, type PreprocessorConfig } from '../../../../src/model/vision/preprocessor-config.ts';
import { smartResize } from '../../../../src/model/vision/smart-resize.ts';

const CONFIG: PreprocessorConfig = parsePreprocessorConfig('preprocessor_config.json', {
  patch_size: 2,
  merge_size: 2,
  min_pixels: 16,
  max_pixels: 64 * 64,
  image_mean: [0.5, 0.5, 0.5],
  image_std: [0.5, 0.5, 0.5],
  rescale_factor: 1 / 255,
});

/** A 4 × 4 RGB PNG whose pixel (x, y) has red = 10·x, green = 10·y, blue = 7. */
async function gradientPng(): Promise<Buffer> {
  const raw = Buffer.alloc(4 * 4 * 3);
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) raw.set([10 * x, 10 * y, 7], (y * 4 + x) * 3);
  return sharp(raw, { raw: { width: 4, height: 4, channels: 3 } }).png().toBuffer();
}

const expectImageError = async (promise: Promise<unknown>, message: RegExp) => {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(HarnessError);
  expect((err as HarnessError).code).toBe('IMAGE');
  expect((err as Error).message).toMatch(message);
};

describe('smartResize (Qwen2-VL / ERNIE-4.5-VL processors)', () => {
  it('rounds each side to the nearest multiple of patch × merge, halves to even as Python does', () => {
    expect(smartResize(100, 200, 28, 56 * 56, 28 * 28 * 1280)).toEqual({ height: 112, width: 196 });
    // 70 / 28 = 2.5 → round half to even = 2 → 56 (Math.round would give 84)
    expect(smartResize(70, 70, 28, 28 * 28, 28 * 28 * 1280)).toEqual({ height: 56, width: 56 });
  });
  it('scales down to max_pixels and up to min_pixels keeping the aspect ratio', () => {
    const down = smartResize(1000, 2000, 28, 28 * 28, 28 * 28 * 16);
    expect(down.height * down.width).toBeLessThanOrEqual(28 * 28 * 16);
    expect(down).toEqual({ height: 56, width: 140 });
    const up = smartResize(10, 20, 28, 28 * 28 * 4, 28 * 28 * 16);
    expect(up.height * up.width).toBeGreaterThanOrEqual(28 * 28 * 4);
    expect(up).toEqual({ height: 56, width: 84 });
  });
  it('refuses an aspect ratio over 200', () => {
    expect(() => smartResize(1, 500, 28, 28, 1e6)).toThrow(/aspect ratio over 200/);
  });
});

describe('preprocessImage', () => {
  it('normalises each channel and orders patches by 2×2 merge blocks, channel-major inside a patch', async () => {
    const png = await gradientPng();
    const out = await preprocessImage({ kind: 'base64', data: png.toString('base64') }, CONFIG);
    expect([out.gridHeight, out.gridWidth, out.tokens]).toEqual([2, 2, 1]);
    expect(out.pixels.length).toBe(4 * 3 * 2 * 2);
    const norm = (v: number) => (v / 255 - 0.5) / 0.5;
    // 4 × 4 image, no resize: patch 1 (second in the block) is the top-right patch: x = 2..3, y = 0..1.
    const patch1 = out.pixels.subarray(12, 24);
    expect(patch1[0]).toBeCloseTo(norm(20), 5); // red of (x=2, y=0)
    expect(patch1[1]).toBeCloseTo(norm(30), 5); // red of (x=3, y=0)
    expect(patch1[4 + 2]).toBeCloseTo(norm(10), 5); // green of (x=2, y=1)
    expect(patch1[8]).toBeCloseTo(norm(7), 5); // blue
    // Patch 2 is bottom-left: x = 0..1, y = 2..3.
    expect(out.pixels[24 + 4]).toBeCloseTo(norm(20), 5); // green of (x=0, y=2)
    expect(out.digest).toMatchObject({ of: 'pixels', width: 4, height: 4, resizedWidth: 4, resizedHeight: 4, tokens: 1 });
  });

  it('hashes the exact tensor: same pixels from a file and from base64 give the same digest, other pixels another', async () => {
    const png = await gradientPng();
    const dir = mkdtempSync(join(tmpdir(), 'ee-img-'));
    writeFileSync(join(dir, 'a.png'), png);
    const fromFile = await preprocessImage({ kind: 'path', path: join(dir, 'a.png') }, CONFIG);
    const fromBytes = await preprocessImage({ kind: 'bytes', bytes: new Uint8Array(png) }, CONFIG);
    expect(fromFile.digest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fromBytes.digest.sha256).toBe(fromFile.digest.sha256);
    const other = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#102030' } }).png().toBuffer();
    expect((await preprocessImage({ kind: 'bytes', bytes: new Uint8Array(other) }, CONFIG)).digest.sha256).not.toBe(fromFile.digest.sha256);
  });

  it('resizes large images into the pixel budget and flattens transparency on white', async () => {
    const big = await sharp({ create: { width: 300, height: 150, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const out = await preprocessImage({ kind: 'bytes', bytes: new Uint8Array(big) }, CONFIG);
    expect(out.digest.resizedWidth! * out.digest.resizedHeight!).toBeLessThanOrEqual(64 * 64);
    expect(out.pixels[0]).toBeCloseTo(1, 5); // transparent black → white → (1 - 0.5) / 0.5
  });

  it('turns a missing file, a corrupt image and broken base64 into IMAGE errors naming the image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-img-'));
    await expectImageError(preprocessImage({ kind: 'path', path: join(dir, 'absent.jpg') }, CONFIG), /absent\.jpg: image file not found/);
    const png = await gradientPng();
    writeFileSync(join(dir, 'cut.png'), png.subarray(0, 40));
    await expectImageError(preprocessImage({ kind: 'path', path: join(dir, 'cut.png') }, CONFIG), /cut\.png: image does not decode/);
    writeFileSync(join(dir, 'text.png'), 'hello');
    await expectImageError(preprocessImage({ kind: 'path', path: join(dir, 'text.png') }, CONFIG), /text\.png: .*not a PNG, JPEG, GIF or WebP/);
    await expectImageError(preprocessImage({ kind: 'base64', data: 'iVBORw0KGgo*&^%' }, CONFIG), /not valid base64/);
  });

  it('decodes strict base64 with or without a data: prefix and line breaks', () => {
    expect(decodeBase64Image('data:image/png;base64,aGVs\nbG8=').toString()).toBe('hello');
    expect(() => decodeBase64Image('aGVsbG8')).toThrow(/length not a multiple of 4/);
  });
});

describe('parsePreprocessorConfig', () => {
  it('names the bad field', () => {
    expect(() => parsePreprocessorConfig('p.json', { patch_size: 14, merge_size: 2, min_pixels: 1, max_pixels: 10, image_mean: [0, 0], image_std: [1, 1, 1] })).toThrow(/p\.json: field "image_mean" must be a list of 3 numbers/);
    expect(() => parsePreprocessorConfig('p.json', { merge_size: 2, min_pixels: 1, max_pixels: 10, image_mean: [0, 0, 0], image_std: [1, 1, 1] })).toThrow(/field "patch_size"/);
  });
});
