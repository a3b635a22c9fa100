// The replay backend's formats, matching and errors, on small files written by the test.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GenerateRequest, LoglikelihoodRequest, Request } from '../../../../src/core/index.ts';
import { ReplayBackend } from '../../../../src/model/replay/index.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';

function replayFile(lines: (string | object)[]): string {
  const file = join(freshTempDir(), 'predictions.jsonl');
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

const generate = (task: string, sampleId: string, key = `key-${task}-${sampleId}`): GenerateRequest => ({
  kind: 'generate',
  key,
  origin: { task, sampleId },
  prompt: { kind: 'text', text: 'Q' },
  params: { maxTokens: 8, temperature: 0, until: [] },
});

const loglik = (task: string, sampleId: string, continuations: string[], key = `key-${task}-${sampleId}`): LoglikelihoodRequest => ({ kind: 'loglikelihood', key, origin: { task, sampleId }, context: 'Q', continuations });

const recordLine = (over: object) => ({ schema: 'ernie-eval/sample-result@1', task: 'mmlu', taskVersion: '1', sampleId: 's1', requestKey: 'key-mmlu-s1', requestKind: 'loglikelihood', prompt: 'Q', target: 'A', ...over });

describe('ReplayBackend', () => {
  it('answers generation tasks from a predictions file, with the reasoning kept apart', async () => {
    const backend = await ReplayBackend.open(replayFile([{ task: 'gsm8k', sample_id: 7, output: 'The answer is 18.', reasoning: 'think' }, { task: 'gsm8k', sample_id: '8', output: 'No.' }]));
    expect(backend.capabilities).toEqual({ loglikelihood: false, generate: true, chat: true, images: true, thinking: true });
    const [seven, eight, nine] = await backend.answer([generate('gsm8k', '7'), generate('gsm8k', '8'), generate('gsm8k', '9')]);
    expect(seven).toMatchObject({ ok: true, completion: { kind: 'generate', text: 'The answer is 18.', reasoning: 'think', finishReason: 'stop' } });
    expect(eight).toMatchObject({ ok: true, completion: { text: 'No.' } });
    expect(nine).toMatchObject({ ok: false, error: { code: 'REPLAY_MISSING', message: expect.stringContaining('gsm8k sample 9') } });
  });

  it('answers log-likelihood tasks from record lines, and replays recorded errors as errors', async () => {
    const backend = await ReplayBackend.open(
      replayFile([
        recordLine({ completion: { logprobs: [-1, -2], greedy: [true, false], continuationTokens: [1, 1] }, timing: { startedAt: 5, queuedMs: 0, ttftMs: 1, totalMs: 2, batchSize: 4 }, tokens: { prompt: 9, generated: 0 } }),
        recordLine({ sampleId: 's2', requestKey: 'key-mmlu-s2', error: { code: 'BACKEND', message: 'HTTP 500', retryable: true } }),
      ]),
    );
    expect(backend.capabilities.loglikelihood).toBe(true);
    expect(backend.capabilities.generate).toBe(false);
    const [one, two] = await backend.answer([loglik('mmlu', 's1', [' A', ' B']), loglik('mmlu', 's2', [' A', ' B'])]);
    expect(one).toMatchObject({ ok: true, completion: { kind: 'loglikelihood', logprobs: [-1, -2], greedy: [true, false], timing: { batchSize: 4 }, tokens: { prompt: 9 } } });
    expect(two).toEqual({ ok: false, error: { code: 'BACKEND', message: 'HTTP 500', retryable: true } });
  });

  it('refuses to answer a different request than the one the record answered', async () => {
    const backend = await ReplayBackend.open(replayFile([recordLine({ completion: { logprobs: [-1, -2], greedy: [true, false], continuationTokens: [1, 1] } })]));
    const [changedPrompt, otherChoices, otherKind] = await backend.answer([
      loglik('mmlu', 's1', [' A', ' B'], 'a-new-key'),
      loglik('mmlu', 's1', [' A', ' B', ' C']),
      generate('mmlu', 's1'),
    ]);
    expect(changedPrompt).toMatchObject({ ok: false, error: { code: 'REPLAY_MISMATCH', message: expect.stringContaining('different request') } });
    expect(otherChoices).toMatchObject({ ok: false, error: { code: 'REPLAY_MISMATCH', message: expect.stringContaining('3 continuations') } });
    expect(otherKind).toMatchObject({ ok: false, error: { code: 'REPLAY_MISMATCH' } });
  });

  it('falls back to the request key when the origin is unknown (identical requests share answers)', async () => {
    const backend = await ReplayBackend.open(replayFile([recordLine({ completion: { logprobs: [-3], greedy: [true], continuationTokens: [1] } })]));
    const request: Request = { kind: 'loglikelihood', key: 'key-mmlu-s1', context: 'Q', continuations: [' A'] };
    expect((await backend.answer([request]))[0]).toMatchObject({ ok: true, completion: { logprobs: [-3] } });
  });

  it.each([
    { name: 'a line that is not JSON', lines: [{ task: 't', sample_id: '1', output: 'x' }, '{"task": '], problem: /:2: invalid JSON/ },
    { name: 'a line in no known format', lines: [{ answer: 'x' }], problem: /:1: not a known replay line/ },
    { name: 'a prediction without a task', lines: [{ sample_id: '1', output: 'x' }], problem: /:1: field "task" must be a string/ },
    { name: 'a record line without completion or error', lines: [recordLine({})], problem: /:1: a sample result needs a "completion" or an "error"/ },
    { name: 'a record line with ragged log-likelihoods', lines: [recordLine({ completion: { logprobs: [-1, -2], greedy: [true], continuationTokens: [1, 1] } })], problem: /:1: completion.logprobs, greedy and continuationTokens must have the same length/ },
    { name: 'a sample answered twice', lines: [{ task: 't', sample_id: '1', output: 'x' }, '', { task: 't', sample_id: 1, output: 'y' }], problem: /:3: task "t" sample "1" was already answered on line 1/ },
  ])('refuses $name at open, naming file and line', async ({ lines, problem }) => {
    const file = replayFile(lines);
    const opened = ReplayBackend.open(file);
    await expect(opened).rejects.toMatchObject({ code: 'DATA_MALFORMED', file });
    await expect(opened).rejects.toThrow(problem);
  });

  it('says when the file is missing or empty', async () => {
    const dir = freshTempDir();
    await expect(ReplayBackend.open(join(dir, 'absent.jsonl'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
    await expect(ReplayBackend.open(replayFile(['', ' ']))).rejects.toThrow(/no saved answers/);
  });
});
