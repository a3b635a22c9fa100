// Training MFU arithmetic against the figures PaLM publishes for itself and for Megatron-Turing
// NLG (Chowdhery et al. 2022, Section 4.1 / Table 3 and Appendix B, https://arxiv.org/abs/2204.02311):
// PaLM 540B: 238.3K tokens/s on 6144 TPU v4 at 275 peak TFLOP/s → 45.7% without self-attention,
// 46.2% with it; N = 540.35B, L = 118, H = 48 (Table 1), T = 2048. The head size Q = 256 is not in
// Table 1: it is the one that gives Appendix B's Table 22 "3.28 TFLOPs per token" (docs/efficiency.md).
// MT-NLG 530B: 65.43K tokens/s on 2240 A100 at 312 TFLOP/s → 29.7% without attention.
import { describe, expect, it } from 'vitest';
import { acceleratorPeak, countParameters, parseModelShape, tokensPerSecondAtMfu, trainingFlopsPerToken, trainingMfu } from '../../../src/perf/index.ts';
import { ERNIE_300B_A47B } from './ernie-configs.ts';

const palm = { parameters: 540.35e9, layers: 118, heads: 48, headDim: 256, sequenceLength: 2048 };
const palmRun = { shape: palm, devices: 6144, peakFlopsPerDevice: acceleratorPeak('tpu-v4', 'bf16').flops };

describe('training MFU (PaLM appendix B)', () => {
  it('reproduces PaLM 540B: 46.2% with self-attention, 45.7% without (with N = 540B as printed)', () => {
    expect(trainingMfu(palmRun, 238.3e3)).toBeCloseTo(0.462, 3);
    expect(trainingMfu({ ...palmRun, shape: { ...palm, parameters: 540e9 } }, 238.3e3, { attention: false })).toBeCloseTo(0.457, 3);
    expect(trainingFlopsPerToken(palm) / 1e12).toBeCloseTo(3.28, 2);
  });

  it('reproduces MT-NLG 530B: 29.7% without attention on 2240 A100', () => {
    const mtnlg = { shape: { parameters: 530e9, layers: 1, heads: 1, headDim: 1, sequenceLength: 1 }, devices: 2240, peakFlopsPerDevice: acceleratorPeak('a100', 'bf16').flops };
    // PaLM prints 29.7% for 29.77…%: truncation, not rounding.
    expect(Math.floor(1000 * trainingMfu(mtnlg, 65.43e3, { attention: false })) / 10).toBe(29.7);
  });

  it('inverts: the tokens/s an MFU implies gives back that MFU', () => {
    const tps = tokensPerSecondAtMfu(palmRun, 0.462);
    expect(trainingMfu(palmRun, tps)).toBeCloseTo(0.462, 12);
    expect(tps / 238.3e3).toBeCloseTo(1, 2);
  });

  it('states the throughput 47% MFU implies for ERNIE-4.5-300B-A47B (6N with N active) on a stated cluster', () => {
    const s = parseModelShape(ERNIE_300B_A47B);
    const shape = { parameters: countParameters(s).active, layers: s.numLayers, heads: s.numHeads, headDim: s.headDim, sequenceLength: 4096 };
    const cluster = { shape, devices: 1024, peakFlopsPerDevice: acceleratorPeak('h100-sxm', 'bf16').flops };
    const tps = tokensPerSecondAtMfu(cluster, 0.47);
    // Per device: 0.47 × peak / FLOPs per token; an MoE's 6N uses active, not total, parameters.
    expect(tps / 1024).toBeCloseTo((0.47 * 989.4e12) / trainingFlopsPerToken(shape), 6);
    expect(trainingFlopsPerToken(shape)).toBeLessThan(6 * countParameters(s).total);
  });

  it('refuses an unsourced device and an MFU outside (0, 1]', () => {
    expect(() => acceleratorPeak('ascend-910b', 'bf16')).toThrow(/no sourced peak/);
    expect(() => tokensPerSecondAtMfu(palmRun, 1.5)).toThrow(/MFU must be/);
  });
});
