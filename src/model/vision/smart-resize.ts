// The size an image is resized to before it is cut into patches, as Qwen2-VL's `smart_resize`
// (transformers image_processing_qwen2_vl.py), which ERNIE-4.5-VL's processor follows: both sides
// a multiple of patch × merge, the aspect ratio kept as well as possible, and the pixel count
// brought inside [minPixels, maxPixels].
import { HarnessError } from '../../core/index.ts';

/** Python's round(): halves go to the even neighbour (round(2.5) = 2), which smart_resize inherits. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export interface ResizedSize {
  height: number;
  width: number;
}

export function smartResize(height: number, width: number, factor: number, minPixels: number, maxPixels: number): ResizedSize {
  if (Math.max(height, width) / Math.min(height, width) > 200) {
    throw new HarnessError('IMAGE', `image of ${width} × ${height} pixels has an aspect ratio over 200, which the processor refuses`);
  }
  let h = Math.max(factor, roundHalfEven(height / factor) * factor);
  let w = Math.max(factor, roundHalfEven(width / factor) * factor);
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.max(factor, Math.floor(height / beta / factor) * factor);
    w = Math.max(factor, Math.floor(width / beta / factor) * factor);
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return { height: h, width: w };
}
