// One image → the pixel tensor a vision encoder takes, as the Qwen2-VL / ERNIE-4.5-VL image
// processors build it: composite on white, convert to RGB, resize (smart_resize, bicubic), rescale
// to [0, 1], normalise per channel, cut into patch_size² patches and order them so that each
// merge_size × merge_size block of patches is contiguous (the vision tower merges a block into one
// image token). Decoding and resizing use sharp (libvips); its bicubic resampling is not bit-for-bit
// PIL's, so pixels can differ from transformers' by rounding. The sha256 of the exact tensor is
// recorded with each sample (ImageDigest) so a score can be tied to the pixels that produced it.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DEFAULT_IMAGE_LIMITS, HarnessError, type ImageDigest, type ImageSource } from '../../core/index.ts';
import { readImageBytes } from './image-bytes.ts';
import type { PreprocessorConfig } from './preprocessor-config.ts';
import { smartResize } from './smart-resize.ts';

export interface PreprocessedImage {
  /** [numPatches, 3 × patch × patch], channel-major inside a patch, patches in merge-block order. */
  pixels: Float32Array;
  /** Patches down and across. */
  gridHeight: number;
  gridWidth: number;
  /** Image tokens after merging: numPatches / merge². */
  tokens: number;
  digest: ImageDigest;
}

async function decodeResized(bytes: Buffer, label: string, width: number, height: number): Promise<Uint8Array> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: DEFAULT_IMAGE_LIMITS.maxPixels, failOn: 'error' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .resize(width, height, { kernel: 'cubic', fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== width || info.height !== height) {
      throw new Error(`decoder returned ${info.width} × ${info.height} × ${info.channels}, expected ${width} × ${height} × 3`);
    }
    return data;
  } catch (err) {
    throw new HarnessError('IMAGE', `${label}: image does not decode (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
}

export async function preprocessImage(source: ImageSource, config: PreprocessorConfig): Promise<PreprocessedImage> {
  const { bytes, header, label } = await readImageBytes(source);
  const { patchSize: p, mergeSize: m } = config;
  const size = smartResize(header.height, header.width, p * m, config.minPixels, config.maxPixels);
  const rgb = await decodeResized(bytes, label, size.width, size.height);

  const gridHeight = size.height / p;
  const gridWidth = size.width / p;
  const patchLength = 3 * p * p;
  const pixels = new Float32Array(gridHeight * gridWidth * patchLength);
  const scale = config.doRescale ? config.rescaleFactor : 1;
  const mean = config.doNormalize ? config.mean : [0, 0, 0];
  const std = config.doNormalize ? config.std : [1, 1, 1];
  let patch = 0;
  for (let blockRow = 0; blockRow < gridHeight / m; blockRow++) {
    for (let blockCol = 0; blockCol < gridWidth / m; blockCol++) {
      for (let inRow = 0; inRow < m; inRow++) {
        for (let inCol = 0; inCol < m; inCol++) {
          const top = (blockRow * m + inRow) * p;
          const left = (blockCol * m + inCol) * p;
          const base = patch * patchLength;
          for (let c = 0; c < 3; c++) {
            for (let y = 0; y < p; y++) {
              for (let x = 0; x < p; x++) {
                const value = (rgb[((top + y) * size.width + left + x) * 3 + c] as number) * scale;
                pixels[base + (c * p + y) * p + x] = (value - (mean[c] as number)) / (std[c] as number);
              }
            }
          }
          patch++;
        }
      }
    }
  }
  const tokens = (gridHeight * gridWidth) / (m * m);
  const sha256 = createHash('sha256').update(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength)).digest('hex');
  return {
    pixels,
    gridHeight,
    gridWidth,
    tokens,
    digest: { sha256, of: 'pixels', width: header.width, height: header.height, resizedWidth: size.width, resizedHeight: size.height, tokens },
  };
}
