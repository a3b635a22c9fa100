// The calibration GEMM runs through onnxruntime and its cache round-trips. Speed is not asserted
// (bench/ measures it); only that a positive, self-consistent figure comes back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateGemm, readCachedCalibration, writeCachedCalibration } from '../../../../src/model/perf/index.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';

describe('GEMM calibration', () => {
  it('measures a small MatMul and caches it', async () => {
    const c = await calibrateGemm({ size: 64, runs: 3, threads: 1 });
    expect(c.m * c.n * c.k).toBe(64 ** 3);
    expect(c.flopsPerSecond).toBeGreaterThan(0);
    expect(c.bestFlopsPerSecond).toBeGreaterThanOrEqual(c.flopsPerSecond);
    const file = join(freshTempDir(), 'calibration', 'gemm.json');
    expect(readCachedCalibration(file)).toBeNull();
    writeCachedCalibration(c, file);
    expect(readCachedCalibration(file)).toEqual(c);
  });
});
