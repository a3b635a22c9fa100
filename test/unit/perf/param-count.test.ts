// The FLOPs model's parameter counts against the sizes Baidu publishes for the five ERNIE 4.5
// configs. Residuals allowed here are derived in docs/efficiency.md §2: names round down to a
// whole number of billions ("21B" for 21.8B, "A3B" for 3.35B). "Active" here is what a token
// multiplies through: embedding lookup excluded, LM head included; with it, 300B-A47B lands on 47B.
import { describe, expect, it } from 'vitest';
import { countParameters, flopsPerToken, makeFlopsModel, parseModelShape } from '../../../src/perf/index.ts';
import { ERNIE_0_3B, ERNIE_21B_A3B, ERNIE_300B_A47B, ERNIE_VL_28B_A3B, ERNIE_VL_424B_A47B_TEXT, PUBLISHED } from './ernie-configs.ts';

const rel = (ours: number, published: number) => Math.abs(ours / published - 1);

describe('parameter counts of the ERNIE 4.5 configs', () => {
  it('0.3B: 0.36B total within 1% (dense: active = total − embedding, tied head counted once)', () => {
    const p = countParameters(parseModelShape(ERNIE_0_3B));
    expect(rel(p.total, PUBLISHED['0.3B'].total)).toBeLessThan(0.01);
    expect(p.totalBreakdown.routedExperts).toBe(0);
    // Tied: the head is the embedding table, so it appears once in total and once (as a matmul) in active.
    expect(p.totalBreakdown.lmHead).toBe(0);
    expect(p.activeBreakdown.lmHead).toBe(p.totalBreakdown.embedding);
  });

  it('21B-A3B: total within 5% of 21B, active within 12% of 3B', () => {
    const p = countParameters(parseModelShape(ERNIE_21B_A3B));
    expect(rel(p.total, PUBLISHED['21B-A3B'].total)).toBeLessThan(0.05);
    expect(rel(p.active, PUBLISHED['21B-A3B'].active)).toBeLessThan(0.12);
    // 27 MoE layers (layer 0 dense) × 6 of 64 experts.
    expect(p.activeBreakdown.routedExperts * 64).toBe(p.totalBreakdown.routedExperts * 6);
  });

  it('300B-A47B: total within 1% of 300B, active within 1% of 47B', () => {
    const p = countParameters(parseModelShape(ERNIE_300B_A47B));
    expect(rel(p.total, PUBLISHED['300B-A47B'].total)).toBeLessThan(0.01);
    expect(rel(p.active, PUBLISHED['300B-A47B'].active)).toBeLessThan(0.01);
  });

  it('VL-28B-A3B: total (text + vision experts + ViT, no resampler) within 5% of 28B; a text token is the 21B-A3B active set', () => {
    const vl = countParameters(parseModelShape(ERNIE_VL_28B_A3B));
    const text = countParameters(parseModelShape(ERNIE_21B_A3B));
    expect(rel(vl.total, PUBLISHED['VL-28B-A3B'].total)).toBeLessThan(0.05);
    expect(vl.active).toBe(text.active);
    expect(vl.totalBreakdown.vision).toBeGreaterThan(0.5e9);
    expect(rel(vl.active, PUBLISHED['VL-28B-A3B'].active)).toBeLessThan(0.12);
  });

  it('VL-424B-A47B: the text-token active count matches 47B within 1% (total not checkable: vision-expert width unsourced)', () => {
    const p = countParameters(parseModelShape(ERNIE_VL_424B_A47B_TEXT));
    expect(rel(p.active, PUBLISHED['VL-424B-A47B'].active)).toBeLessThan(0.01);
    // What is sourced (text stack + ViT) stays below the published total; the gap is the vision experts.
    expect(p.total).toBeLessThan(PUBLISHED['VL-424B-A47B'].total);
    // Consistency, not a check of the total: the gap spread over the same 51 MoE layers × 64 vision
    // experts (gate, up, down: 3 × hidden × width) implies a width of about 1,544, which must lie
    // between 0 and the text experts' 3,584 (vision experts are the narrower ones: 512 vs 1,536 in
    // VL-28B). A text stack counted wrong by a few billion would push it out of that range.
    const moeLayers = p.totalBreakdown.routedExperts / (64 * 3 * 8192 * 3584);
    expect(moeLayers).toBe(51);
    const impliedWidth = (PUBLISHED['VL-424B-A47B'].total - p.total) / (moeLayers * 64 * 3 * 8192);
    expect(impliedWidth).toBeGreaterThan(0);
    expect(impliedWidth).toBeLessThan(3584);
    expect(Math.round(impliedWidth)).toBe(1544);
  });

  it('FLOPs per token are 2 × active matmul weights plus 4·L·H·Q per key of context', () => {
    const shape = parseModelShape(ERNIE_300B_A47B);
    const m = makeFlopsModel(shape);
    const p = countParameters(shape);
    const attention = 4 * 54 * 64 * 128;
    expect(flopsPerToken(m, 0)).toBe(2 * p.activeMatmul);
    expect(flopsPerToken(m, 4096) - flopsPerToken(m, 0)).toBe(attention * 4096);
  });
});
