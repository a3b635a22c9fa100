import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Model-building and worker-pool tests spawn threads and run ONNX sessions: give them room
    // on the 2-core CI machine instead of timing out spuriously.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests never touch the user's cache (tiny models, calibration, the response cache): each
    // `vitest run` gets a fresh one, inherited by the CLI processes tests spawn. Tests that compare
    // two computations also pass --no-cache, so neither side is answered from the other's cache.
    env: { ERNIE_EVAL_CACHE: mkdtempSync(join(tmpdir(), 'ernie-eval-test-cache-')) },
  },
});
