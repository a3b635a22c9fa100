// config.json of a model directory as parsed JSON, for the FLOPs model (perf reads shapes from it).
import { join } from 'node:path';
import { readModelJson } from '../json-file.ts';

export function readModelConfigJson(modelDir: string): Record<string, unknown> {
  return readModelJson(join(modelDir, 'config.json'));
}
