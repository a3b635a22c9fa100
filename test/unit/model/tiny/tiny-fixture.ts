// Builds tiny models into temporary folders for a test file and removes them afterwards.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll } from 'vitest';
import { makeTinyModel, type TinyModelOptions } from '../../../../src/model/tiny/index.ts';
import type { RefConfig } from './reference-forward.ts';

const dirs: string[] = [];

export function cleanupTempDirs(): void {
  afterAll(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
}

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ernie-tiny-'));
  dirs.push(dir);
  return dir;
}

export interface Fixture {
  dir: string;
  files: string[];
  config: RefConfig & Record<string, unknown>;
  session: ort.InferenceSession;
}

export async function buildFixture(opts: Omit<TinyModelOptions, 'outDir'>): Promise<Fixture> {
  const dir = await tempDir();
  const { files } = await makeTinyModel({ ...opts, outDir: dir });
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Fixture['config'];
  const session = await ort.InferenceSession.create(join(dir, 'onnx', 'model.onnx'));
  return { dir, files, config, session };
}
