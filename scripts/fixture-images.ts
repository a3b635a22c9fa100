// Drawing the bundled images of multimodal tasks: each task's fixtures/make-images.ts writes SVG
// scenes with a known answer (shapes, bar charts, rendered words) and turns them into PNG or JPEG
// files with this function. The files are committed; the scripts say how they were made.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';

export interface Scene {
  width: number;
  height: number;
  /** SVG elements drawn on a white background. */
  body: string;
}

export function sceneSvg(scene: Scene): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}"><rect width="100%" height="100%" fill="white"/>${scene.body}</svg>`;
}

/** Render a scene to `file` (PNG or JPEG by extension); returns the encoded bytes. */
export async function writeSceneImage(file: string, scene: Scene): Promise<Buffer> {
  const image = sharp(Buffer.from(sceneSvg(scene))).flatten({ background: '#ffffff' });
  const bytes = /\.jpe?g$/i.test(file) ? await image.jpeg({ quality: 85 }).toBuffer() : await image.png({ compressionLevel: 9 }).toBuffer();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return bytes;
}
