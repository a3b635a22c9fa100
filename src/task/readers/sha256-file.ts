// Checksums of the dataset files a run read, for the manifest: a score is only comparable with
// another if both came from the same bytes (the staged MMLU is a re-export, for instance).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DatasetFile } from '../../core/index.ts';
import { readBytes } from './file-access.ts';

/**
 * Hash `file` and describe it relative to `root` (the task's data folder), with forward slashes
 * so that a manifest written on Windows compares equal to one written on Linux.
 */
export async function sha256File(file: string, root: string): Promise<DatasetFile> {
  const bytes = await readBytes(file);
  return {
    path: path.relative(root, file).split(path.sep).join('/'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
}
