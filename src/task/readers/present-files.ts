// Benchmarks shipped as several files of which a user may stage only some (ChartQA's human and
// augmented halves, POPE's three splits, CharXiv's two question sets): each present file is read,
// an absent one is skipped, and only when none is present is the data missing.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample } from '../../core/index.ts';
import { sha256File } from './sha256-file.ts';

/** One optional file, relative to the data folder, and how to read its samples. */
export interface OptionalPart {
  rel: string;
  load: () => Promise<Sample[]>;
}

/**
 * The samples of every present part, in order, with the hashes of their files. A part whose own
 * file is absent (DATA_MISSING naming that file) is skipped; any other error, including a missing
 * file the part refers to, is raised. No samples at all: DATA_MISSING on `root` with `noneFound`.
 */
export async function loadPresentParts(root: string, parts: readonly OptionalPart[], noneFound: string): Promise<{ samples: Sample[]; files: DatasetFile[] }> {
  const samples: Sample[] = [];
  const files: DatasetFile[] = [];
  for (const { rel, load } of parts) {
    const file = path.join(root, rel);
    try {
      samples.push(...(await load()));
    } catch (err) {
      if (err instanceof DataError && err.code === 'DATA_MISSING' && err.file === file) continue;
      throw err;
    }
    files.push(await sha256File(file, root));
  }
  if (samples.length === 0) throw new DataError(root, undefined, noneFound, { code: 'DATA_MISSING' });
  return { samples, files };
}
