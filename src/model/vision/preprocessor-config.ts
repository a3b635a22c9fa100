// preprocessor_config.json of a vision-language model (DESIGN.md §5), validated into the numbers
// image preprocessing needs. Key names are those of the Qwen2-VL / ERNIE-4.5-VL image processors
// (transformers' Qwen2VLImageProcessor, Ernie4_5_VLImageProcessor): patches of `patch_size`,
// merged `merge_size` × `merge_size` into one image token, images resized to a multiple of
// patch_size × merge_size with a pixel count within [min_pixels, max_pixels].
import { ModelError } from '../../core/index.ts';
import { readModelJson } from '../json-file.ts';

export interface PreprocessorConfig {
  patchSize: number;
  mergeSize: number;
  minPixels: number;
  maxPixels: number;
  /** Per channel (R, G, B), applied after rescaling. */
  mean: [number, number, number];
  std: [number, number, number];
  rescaleFactor: number;
  doRescale: boolean;
  doNormalize: boolean;
}

function num(file: string, raw: Record<string, unknown>, key: string, fallback?: number): number {
  const value = raw[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ModelError('CONFIG_INVALID', file, `field "${key}" must be a positive number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function triple(file: string, raw: Record<string, unknown>, key: string): [number, number, number] {
  const value = raw[key];
  if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new ModelError('CONFIG_INVALID', file, `field "${key}" must be a list of 3 numbers (R, G, B), got ${JSON.stringify(value)}`);
  }
  return value as [number, number, number];
}

export function parsePreprocessorConfig(file: string, raw: Record<string, unknown>): PreprocessorConfig {
  // Some processors nest the pixel bounds under "size" ({min_pixels, max_pixels} or {shortest_edge, longest_edge}).
  const size = (typeof raw['size'] === 'object' && raw['size'] !== null ? raw['size'] : {}) as Record<string, unknown>;
  const bounds = { min_pixels: raw['min_pixels'] ?? size['min_pixels'] ?? size['shortest_edge'], max_pixels: raw['max_pixels'] ?? size['max_pixels'] ?? size['longest_edge'] };
  const config: PreprocessorConfig = {
    patchSize: num(file, raw, 'patch_size'),
    mergeSize: num(file, raw, 'merge_size', raw['spatial_merge_size'] as number | undefined),
    minPixels: num(file, bounds, 'min_pixels'),
    maxPixels: num(file, bounds, 'max_pixels'),
    mean: triple(file, raw, 'image_mean'),
    std: triple(file, raw, 'image_std'),
    rescaleFactor: num(file, raw, 'rescale_factor', 1 / 255),
    doRescale: raw['do_rescale'] !== false,
    doNormalize: raw['do_normalize'] !== false,
  };
  if (config.std.some((s) => s === 0)) throw new ModelError('CONFIG_INVALID', file, 'field "image_std" must not contain 0');
  if (config.minPixels > config.maxPixels) throw new ModelError('CONFIG_INVALID', file, `min_pixels (${config.minPixels}) exceeds max_pixels (${config.maxPixels})`);
  return config;
}

export function readPreprocessorConfig(file: string): PreprocessorConfig {
  return parsePreprocessorConfig(file, readModelJson(file));
}
