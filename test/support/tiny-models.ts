// Tiny models for tests: built once per test process into a temp folder (the builder is
// deterministic, so every test file sees the same weights).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyModel, type TinyArch } from '../../src/model/tiny/index.ts';

const built = new Map<string, Promise<string>>();
let root: string | undefined;

export function tinyModelDir(arch: TinyArch, options: { externalData?: boolean; seed?: number } = {}): Promise<string> {
  const key = `${arch}-${options.externalData === true ? 'ext' : 'inline'}-${options.seed ?? 1234}`;
  let dir = built.get(key);
  if (dir === undefined) {
    root ??= mkdtempSync(join(tmpdir(), 'ernie-eval-tiny-'));
    const outDir = join(root, key);
    dir = makeTinyModel({ arch, outDir, seed: options.seed ?? 1234, externalData: options.externalData ?? false }).then(() => outDir);
    built.set(key, dir);
  }
  return dir;
}

export function freshTempDir(prefix = 'ernie-eval-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
