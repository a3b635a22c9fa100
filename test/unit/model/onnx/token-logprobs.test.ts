// Per-token log-probabilities of a whole text (what /v1/completions echo + logprobs returns) must
// agree with the log-likelihood path, and their character offsets must hold up where byte-level
// BPE splits one character over several tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../../src/core/index.ts';
import { OnnxModel } from '../../../../src/model/index.ts';
import { tokenTextOffsets } from '../../../../src/model/onnx/token-logprobs.ts';
import { tinyModelDir } from '../../../support/tiny-models.ts';

/** A byte-level "tokenizer": one token per UTF-8 byte, decoded as a real one is (U+FFFD for partial characters). */
const bytesDecode = (ids: number[]) => new TextDecoder().decode(Uint8Array.from(ids));
const bytesEncode = (text: string) => [...new TextEncoder().encode(text)];

function tokenAnswer(outcome: Outcome | undefined) {
  if (outcome?.ok !== true || outcome.completion.kind !== 'token-logprobs') throw new Error(`expected a token-logprobs answer, got ${JSON.stringify(outcome)}`);
  return outcome.completion;
}

describe('token text offsets', () => {
  it('gives each byte of a multi-byte character the offset of the character it belongs to', () => {
    const text = 'a€b🙂c';
    const offsets = tokenTextOffsets(bytesEncode(text), text, bytesDecode);
    // a | € (3 bytes) | b | 🙂 (4 bytes, 2 UTF-16 units) | c
    expect(offsets).toEqual([0, 1, 1, 1, 2, 3, 3, 3, 3, 5]);
  });

  it('never goes backwards or past the text', () => {
    const text = 'naïve café — 日本語 ok';
    const offsets = tokenTextOffsets(bytesEncode(text), text, bytesDecode);
    offsets.forEach((o, i) => {
      expect(o).toBeLessThanOrEqual(text.length);
      if (i > 0) expect(o).toBeGreaterThanOrEqual(offsets[i - 1] as number);
    });
    expect(offsets.at(-1)).toBe(text.length - 1); // the last byte is "k"
  });
});

describe('OnnxModel token-logprobs on the tiny ERNIE model', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.open(await tinyModelDir('ernie4_5'), { threads: 1 });
  });
  afterAll(async () => model.close());

  it('sums over the continuation to what the log-likelihood path gives', async () => {
    const cases = [
      { context: 'Question: What is 2 + 2?\nAnswer:', continuation: ' 4 apples' },
      { context: 'The capital of France is', continuation: ' Paris, by the river' },
    ];
    const outcomes = await model.answer([
      ...cases.map((c, i) => ({ kind: 'token-logprobs' as const, key: `t${i}`, text: c.context + c.continuation })),
      ...cases.map((c, i) => ({ kind: 'loglikelihood' as const, key: `l${i}`, context: c.context, continuations: [c.continuation] })),
    ]);
    cases.forEach((c, i) => {
      const tokens = tokenAnswer(outcomes[i]);
      const ll = outcomes[cases.length + i];
      if (ll?.ok !== true || ll.completion.kind !== 'loglikelihood') throw new Error('log-likelihood failed');
      const n = tokens.tokenTexts.length;
      expect([tokens.textOffsets.length, tokens.logprobs.length, tokens.topTokens.length, tokens.topLogprobs.length]).toEqual([n, n, n, n]);
      expect(tokens.logprobs[0]).toBeNull();
      expect(tokens.topTokens[0]).toBeNull();
      // The continuation starts at the first token whose offset reaches the end of the context.
      const start = tokens.textOffsets.findIndex((o) => o >= c.context.length);
      expect(n - start).toBe(ll.completion.continuationTokens[0]);
      const sum = tokens.logprobs.slice(start).reduce<number>((a, b) => a + (b as number), 0);
      expect(Math.abs(sum - (ll.completion.logprobs[0] as number))).toBeLessThan(1e-4);
      // The top-1 alternative is at least as likely as the actual token, and both are proper log-probabilities.
      tokens.logprobs.forEach((lp, j) => {
        if (j === 0) return;
        expect(lp as number).toBeLessThan(0);
        expect(tokens.topLogprobs[j] as number).toBeGreaterThanOrEqual((lp as number) - 1e-9);
      });
      // ASCII text: token strings are exactly the text between offsets.
      expect(tokens.tokenTexts.join('')).toBe(c.context + c.continuation);
      tokens.tokenTexts.forEach((t, j) => expect((c.context + c.continuation).slice(tokens.textOffsets[j], (tokens.textOffsets[j] as number) + t.length)).toBe(t));
    });
  });

  it('scores the same batched as alone, and keeps offsets within the text for multi-byte characters', async () => {
    const texts = ['naïve café — 日本語 🙂 ok', 'short', 'A longer line of plain words so the batch needs padding on the left'];
    const batched = (await model.answer(texts.map((text, i) => ({ kind: 'token-logprobs' as const, key: `b${i}`, text })))).map(tokenAnswer);
    const alone = await Promise.all(texts.map(async (text, i) => tokenAnswer((await model.answer([{ kind: 'token-logprobs', key: `a${i}`, text }]))[0])));
    batched.forEach((b, i) => {
      const a = alone[i];
      if (a === undefined) throw new Error('missing');
      expect(b.tokenTexts).toEqual(a.tokenTexts);
      b.logprobs.forEach((lp, j) => (j === 0 ? expect(lp).toBeNull() : expect(Math.abs((lp as number) - (a.logprobs[j] as number))).toBeLessThan(1e-4)));
      const text = texts[i] as string;
      b.textOffsets.forEach((o, j) => {
        expect(o).toBeLessThanOrEqual(text.length);
        if (j > 0) expect(o).toBeGreaterThanOrEqual(b.textOffsets[j - 1] as number);
      });
    });
    // The multi-byte text really has tokens that hold part of a character.
    expect((batched[0]?.tokenTexts ?? []).some((t) => t.includes('\uFFFD'))).toBe(true);
  });

  it('refuses an empty text as that request\'s error', async () => {
    const [empty] = await model.answer([{ kind: 'token-logprobs', key: 'e', text: '' }]);
    expect(empty).toMatchObject({ ok: false, error: { code: 'TOKENIZER' } });
  });
});
