import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Model-building and worker-pool tests spawn threads and run ONNX sessions: give them room
    // on the 2-core CI machine instead of timing out spuriously.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
