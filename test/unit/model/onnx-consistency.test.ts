// The fast paths of the ONNX backend (batching with padding, KV-cache reuse) must give what the
// plain path gives: the same log-likelihoods within 1e-4 and the same generated tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoglikelihoodRequest } from '../../../src/core/index.ts';
import { generateBatch, OnnxModel, scoreChoicesCached, scoreChoicesOneByOne, type ChoiceScores } from '../../../src/model/index.ts';
import type { TinyArch } from '../../../src/model/tiny/index.ts';
import { tinyModelDir } from '../../support/tiny-models.ts';

const REQUESTS: LoglikelihoodRequest[] = [
  { kind: 'loglikelihood', key: 'a', context: 'Question: What is 2 + 2?\nAnswer:', continuations: [' 4', ' four', ' 22 apples and pears'] },
  { kind: 'loglikelihood', key: 'b', context: 'The capital of France is', continuations: [' Paris', ' a city in Europe, by the river'] },
  { kind: 'loglikelihood', key: 'c', context: 'x', continuations: [' y', ' z w'] },
  { kind: 'loglikelihood', key: 'd', context: 'A longer context, so that rows of the batch need different amounts of padding on the left: ', continuations: ['yes', 'no'] },
];

const PROMPTS = ['Question: Tom has 3 apples and buys 4 more. How many?\nAnswer:', 'User: hello\nAssistant:', 'The'];

function maxDelta(a: ChoiceScores[], b: ChoiceScores[]): number {
  let worst = 0;
  a.forEach((row, r) => row.logprobs.forEach((lp, j) => (worst = Math.max(worst, Math.abs(lp - ((b[r] as ChoiceScores).logprobs[j] as number))))));
  return worst;
}

describe.each<TinyArch>(['ernie4_5', 'ernie4_5_moe'])('ONNX backend on the tiny %s model', (arch) => {
  let model: OnnxModel;
  let padId: number;
  beforeAll(async () => {
    model = await OnnxModel.open(await tinyModelDir(arch), { threads: 1 });
    padId = model.dir.config.padTokenId ?? 0;
  });
  afterAll(async () => model.close());

  it('gives the same log-likelihoods batched + cached, cached one request at a time, and recomputed per choice', async () => {
    const encoded = REQUESTS.map((r) => model.encodeChoices(r));
    expect(encoded.some((e) => e.continuations.some((c) => c.length > 2))).toBe(true); // the cache path is exercised
    const batched = await scoreChoicesCached(model.decoder, encoded, padId);
    const single = await Promise.all(encoded.map(async (e) => (await scoreChoicesCached(model.decoder, [e], padId))[0] as ChoiceScores));
    const plain = await scoreChoicesOneByOne(model.decoder, encoded);
    expect(maxDelta(batched, plain)).toBeLessThan(1e-4);
    expect(maxDelta(single, plain)).toBeLessThan(1e-4);
    expect(batched.map((s) => s.greedy)).toEqual(plain.map((s) => s.greedy));
    // Not a degenerate model: log-probabilities differ between choices and are proper (< 0).
    const all = plain.flatMap((s) => s.logprobs);
    expect(new Set(all.map((x) => x.toFixed(3))).size).toBe(all.length);
    expect(Math.max(...all)).toBeLessThan(0);
  });

  it('generates the same tokens with the KV cache as with full recomputation, batched or alone', async () => {
    const rows = PROMPTS.map((p) => ({ prompt: model.dir.tokenizer.encode(p), maxTokens: 12, until: [], sampling: { temperature: 0 }, seed: 0 }));
    const options = { padId, eosIds: model.dir.generation.eosTokenIds, decode: (ids: number[]) => model.dir.tokenizer.decode(ids, true) };
    const cached = await generateBatch(model.decoder, rows, { ...options, useCache: true });
    const recomputed = await generateBatch(model.decoder, rows, { ...options, useCache: false });
    const alone = await Promise.all(rows.map(async (row) => (await generateBatch(model.decoder, [row], { ...options, useCache: true }))[0]));
    expect(cached.map((g) => g.tokens)).toEqual(recomputed.map((g) => g.tokens));
    expect(cached.map((g) => g.tokens)).toEqual(alone.map((g) => g?.tokens));
    // Prompts prefilled in separate groups, then decoded as one batch on merged caches.
    const grouped = await generateBatch(model.decoder, rows, { ...options, useCache: true, prefillGroups: [[2], [0, 1]] });
    expect(grouped.map((g) => g.tokens)).toEqual(cached.map((g) => g.tokens));
    expect(cached.every((g) => g.tokens.length > 0)).toBe(true);
    // Random weights must still produce varied text, or the equality above would prove little.
    expect(new Set(cached.flatMap((g) => g.tokens)).size).toBeGreaterThan(3);
  });

  it('gives the same scores and tokens when prompts are run in chunks on their own KV cache', async () => {
    const encoded = REQUESTS.map((r) => model.encodeChoices(r));
    const whole = await scoreChoicesCached(model.decoder, encoded, padId);
    // Chunks of 3 columns: every context is cut (the longest in several places) and the left padding
    // of the short rows spans whole chunks.
    expect(Math.max(...encoded.map((e) => e.context.length))).toBeGreaterThan(9);
    const chunked = await scoreChoicesCached(model.decoder, encoded, padId, () => 3);
    expect(maxDelta(chunked, whole)).toBeLessThan(1e-4);
    expect(chunked.map((s) => s.greedy)).toEqual(whole.map((s) => s.greedy));

    const rows = PROMPTS.map((p) => ({ prompt: model.dir.tokenizer.encode(p), maxTokens: 10, until: [], sampling: { temperature: 0 }, seed: 0 }));
    const options = { padId, eosIds: model.dir.generation.eosTokenIds, decode: (ids: number[]) => model.dir.tokenizer.decode(ids, true), useCache: true };
    const plain = await generateBatch(model.decoder, rows, options);
    const inChunks = await generateBatch(model.decoder, rows, { ...options, prefillChunk: () => 2 });
    expect(inChunks.map((g) => g.tokens)).toEqual(plain.map((g) => g.tokens));
  });

  it('stops before a stop string and reports why it stopped', async () => {
    const prompt = model.dir.tokenizer.encode(PROMPTS[0] as string);
    const options = { padId, eosIds: model.dir.generation.eosTokenIds, decode: (ids: number[]) => model.dir.tokenizer.decode(ids, true), useCache: true };
    const [free] = await generateBatch(model.decoder, [{ prompt, maxTokens: 16, until: [], sampling: { temperature: 0 }, seed: 0 }], options);
    expect(free?.finishReason).not.toBe('stop');
    const text = free?.text ?? '';
    expect(text.length).toBeGreaterThan(4);
    const stop = text.slice(3, 5);
    const [stopped] = await generateBatch(model.decoder, [{ prompt, maxTokens: 16, until: [stop], sampling: { temperature: 0 }, seed: 0 }], options);
    expect(stopped?.finishReason).toBe('stop');
    expect(stopped?.text).toBe(text.slice(0, text.indexOf(stop)));
  });

  it('answers the same whatever the memory budgets cut a batch into', async () => {
    const oneRowAtATime = await OnnxModel.open(await tinyModelDir(arch), { threads: 1, attentionBudget: 1 });
    try {
      const batch = [
        ...REQUESTS,
        ...PROMPTS.map((p, i) => ({ kind: 'generate' as const, key: `g${i}`, prompt: { kind: 'text' as const, text: p }, params: { maxTokens: 8, temperature: 0, until: [] } })),
      ];
      const [wide, narrow] = [await model.answer(batch), await oneRowAtATime.answer(batch)];
      wide.forEach((w, i) => {
        const n = narrow[i];
        if (!w.ok || !n?.ok) throw new Error(`request ${i} failed`);
        if (w.completion.kind === 'generate' && n.completion.kind === 'generate') expect(n.completion.text).toBe(w.completion.text);
        if (w.completion.kind === 'loglikelihood' && n.completion.kind === 'loglikelihood') {
          w.completion.logprobs.forEach((lp, j) => expect(Math.abs(lp - ((n.completion as { logprobs: number[] }).logprobs[j] as number))).toBeLessThan(1e-4));
          expect(n.completion.timing.batchSize).toBe(1); // the budget really split the batch
        }
      });
    } finally {
      await oneRowAtATime.close();
    }
  });

  it('answers a mixed batch through the Backend interface with timing and token counts', async () => {
    const outcomes = await model.answer([
      REQUESTS[0] as LoglikelihoodRequest,
      { kind: 'generate', key: 'g', prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Say hi' }] }, params: { maxTokens: 5, temperature: 0, until: [] } },
      { kind: 'loglikelihood', key: 'bad', context: 'x', continuations: [''] },
    ]);
    const [ll, gen, bad] = outcomes;
    expect(ll?.ok && ll.completion.kind === 'loglikelihood' && ll.completion.logprobs.length).toBe(3);
    expect(gen?.ok && gen.completion.kind === 'generate' && gen.completion.tokens.generated).toBeGreaterThan(0);
    if (gen?.ok) expect(gen.completion.timing.totalMs).toBeGreaterThanOrEqual(gen.completion.timing.ttftMs);
    // An empty continuation is that sample's error, not the batch's.
    expect(bad).toMatchObject({ ok: false, error: { code: 'TOKENIZER' } });
  });
});
