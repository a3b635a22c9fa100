// What the runner hands to results.json for FLOPs/MFU: a local ONNX model gets its config.json
// FLOPs model and this machine's peaks; a remote endpoint gets "n/a, hardware unknown" unless the
// serving hardware and model are stated.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core/index.ts';
import { computeEfficiency } from '../../../src/perf/index.ts';
import { resolveEfficiencyContext } from '../../../src/runner/efficiency-context.ts';
import { scored } from '../store/record-fixture.ts';
import { tinyModelDir } from '../../support/tiny-models.ts';
import { ERNIE_0_3B } from '../perf/ernie-configs.ts';

function backend(kind: 'onnx' | 'openai', location: string): Backend {
  return {
    info: { kind, location, modelName: 'm', fingerprint: 'f' },
    capabilities: { loglikelihood: true, generate: true, chat: true, images: false, thinking: false },
    maxBatchSize: 1,
    concurrency: 1,
    answer: async () => [],
    close: async () => {},
  };
}

describe('efficiency context', () => {
  it('local ONNX: FLOPs model from config.json, warm-up excluded, theoretical CPU peak on Linux', async () => {
    const dir = await tinyModelDir('ernie4_5');
    const context = resolveEfficiencyContext(backend('onnx', dir));
    expect(context.warmupExcluded).toBe(true);
    expect(context.flopsModel?.shape.numLayers).toBeGreaterThan(0);
    const e = computeEfficiency([scored('a', 1)], context);
    expect(e.flops?.totalFlops).toBeGreaterThan(0);
    // Linux reports SIMD flags and clock in /proc/cpuinfo; elsewhere the peak may be unknown, and MFU says so.
    if (process.platform === 'linux') expect(e.mfu?.vsTheoreticalPeak).toBeGreaterThan(0);
    else expect(e.mfu?.status === 'estimate' || e.mfu?.note === 'n/a, hardware unknown').toBe(true);
  });

  it('remote endpoint: n/a, hardware unknown; estimated once hardware and model are stated', () => {
    const remote = computeEfficiency([scored('a', 1)], resolveEfficiencyContext(backend('openai', 'http://127.0.0.1:1')));
    expect(remote.mfu?.note).toBe('n/a, hardware unknown');
    expect(remote.flops).toBeNull();
    const stated = resolveEfficiencyContext(backend('openai', 'http://127.0.0.1:1'), { modelConfig: ERNIE_0_3B, peaks: { theoretical: { flopsPerSecond: 8 * 989.4e12, source: '8 × H100 SXM bf16' } } });
    const e = computeEfficiency([scored('a', 1)], stated);
    expect(e.mfu?.status).toBe('estimate');
    expect(e.warmupExcluded).toBe(false);
  });
});
