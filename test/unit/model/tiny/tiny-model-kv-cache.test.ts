// The KV cache is correct when feeding a prompt in pieces gives the logits of feeding it whole.

import { describe, expect, it } from 'vitest';
import { tinySpecialTokenIds, type TinyArch } from '../../../../src/model/tiny/index.ts';
import { leftPadded, maxAbsDiff, runStep } from './ort-decoder.ts';
import { buildFixture, cleanupTempDirs } from './tiny-fixture.ts';

cleanupTempDirs();

const TOLERANCE = 1e-4;
const { pad } = tinySpecialTokenIds();
const PROMPTS = [
  [1022, 300, 17, 512, 64, 900, 33, 8, 421, 77],
  [1022, 640, 12, 999, 250, 3, 1000, 41],
];
const PREFIX = 6;

const cols = <T>(rows: T[][], from: number, to?: number) => rows.map((r) => r.slice(from, to));

describe.each(['ernie4_5', 'ernie4_5_moe'] as TinyArch[])('tiny %s KV cache', (arch) => {
  it(`prefix + rest with past_key_values equals one pass (left-padded batch, within ${TOLERANCE})`, async () => {
    const { config, session } = await buildFixture({ arch });
    const b = leftPadded(PROMPTS, pad);
    const whole = await runStep(session, config, b.inputIds, b.attentionMask, b.positionIds);
    const head = await runStep(session, config, cols(b.inputIds, 0, PREFIX), cols(b.attentionMask, 0, PREFIX), cols(b.positionIds, 0, PREFIX));
    const tail = await runStep(session, config, cols(b.inputIds, PREFIX), b.attentionMask, cols(b.positionIds, PREFIX), head.cache);

    const delta = Math.max(maxAbsDiff(head.logits, cols(whole.logits, 0, PREFIX)), maxAbsDiff(tail.logits, cols(whole.logits, PREFIX)));
    console.log(`${arch}: max |Δ| one pass vs prefix+rest = ${delta.toExponential(2)}`);
    expect(delta).toBeLessThan(TOLERANCE);
    const k = whole.outputs['present.0.key']?.data as Float32Array;
    const kTail = tail.outputs['present.0.key']?.data as Float32Array;
    expect(Math.max(...Array.from(k, (v, i) => Math.abs(v - (kTail[i] ?? NaN))))).toBeLessThan(TOLERANCE);
  });

  it('token-by-token decoding equals one pass', async () => {
    const { config, session } = await buildFixture({ arch });
    const b = leftPadded(PROMPTS, pad);
    const whole = await runStep(session, config, b.inputIds, b.attentionMask, b.positionIds);
    let step = await runStep(session, config, cols(b.inputIds, 0, PREFIX), cols(b.attentionMask, 0, PREFIX), cols(b.positionIds, 0, PREFIX));
    let delta = 0;
    for (let t = PREFIX; t < b.inputIds[0]!.length; t++) {
      step = await runStep(session, config, cols(b.inputIds, t, t + 1), cols(b.attentionMask, 0, t + 1), cols(b.positionIds, t, t + 1), step.cache);
      delta = Math.max(delta, maxAbsDiff(step.logits, cols(whole.logits, t, t + 1)));
    }
    console.log(`${arch}: max |Δ| one pass vs token-by-token = ${delta.toExponential(2)}`);
    expect(delta).toBeLessThan(TOLERANCE);
  });
});
