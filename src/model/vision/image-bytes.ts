// The encoded bytes of one image of a request, from wherever the benchmark keeps it: a file next to
// the questions, base64 in a TSV cell, bytes from a Parquet column. Every failure here (missing
// file, broken base64, not an image, a header claiming a decompression bomb) is an IMAGE error: it
// fails the sample that holds the image, never the run.
import { readFile } from 'node:fs/promises';
import { checkImageHeader, HarnessError, type ImageHeader, type ImageSource } from '../../core/index.ts';

export interface ImageBytes {
  bytes: Buffer;
  header: ImageHeader;
  /** How to name the image in an error: its path, or "base64 image" / "inline image". */
  label: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64: Node's decoder silently skips invalid characters, which would hide a broken cell. */
export function decodeBase64Image(data: string): Buffer {
  const body = data.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (body.length === 0 || body.length % 4 !== 0 || !BASE64.test(body)) {
    throw new HarnessError('IMAGE', `base64 image is not valid base64 (${body.length} characters${body.length % 4 === 0 ? ', invalid characters' : ', length not a multiple of 4'})`);
  }
  return Buffer.from(body, 'base64');
}

function describe(source: ImageSource): string {
  return source.kind === 'path' ? source.path : source.kind === 'base64' ? 'base64 image' : 'inline image';
}

function asImageError(err: unknown, label: string): HarnessError {
  if (err instanceof HarnessError && err.code === 'IMAGE') return err;
  const message = err instanceof Error ? err.message : String(err);
  return new HarnessError('IMAGE', message.startsWith(label) ? message : `${label}: ${message}`, { cause: err });
}

export async function readImageBytes(source: ImageSource): Promise<ImageBytes> {
  const label = describe(source);
  try {
    let bytes: Buffer;
    if (source.kind === 'path') {
      try {
        bytes = await readFile(source.path);
      } catch (err) {
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
        throw new HarnessError('IMAGE', `${label}: ${missing ? 'image file not found' : `cannot read image (${(err as Error).message})`}`);
      }
    } else if (source.kind === 'base64') {
      bytes = decodeBase64Image(source.data);
    } else {
      bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
    }
    return { bytes, header: checkImageHeader(bytes, label), label };
  } catch (err) {
    throw asImageError(err, label);
  }
}
