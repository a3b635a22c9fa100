// The embedded default: without --model, `run` uses a tiny ERNIE-architecture model that the
// project builds itself on first use into a cache folder (no download, ever).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { makeTinyModel, type TinyArch } from './tiny/index.ts';

/** Bump when the tiny model's graph, weights or tokenizer change, so stale caches are not reused. */
export const TINY_MODEL_REVISION = 1;

export function cacheRoot(): string {
  return process.env['ERNIE_EVAL_CACHE'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'ernie-eval');
}

export interface DefaultModel {
  dir: string;
  built: boolean;
}

/** Path of the tiny model in the cache, built there first if absent. Safe when two runs race. */
export async function ensureTinyModel(arch: TinyArch = 'ernie4_5', seed = 1234): Promise<DefaultModel> {
  const dir = join(cacheRoot(), 'models', `tiny-${arch}-r${TINY_MODEL_REVISION}-seed${seed}`);
  // The staging folder is renamed into place whole, so a config.json there means a complete model.
  if (existsSync(join(dir, 'config.json'))) return { dir, built: false };
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await makeTinyModel({ arch, outDir: staging, seed });
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(join(dir, 'config.json'))) return { dir, built: false }; // another run won the race
    throw err;
  }
  return { dir, built: true };
}
