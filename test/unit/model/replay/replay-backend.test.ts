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

const generate = (task: string, sampleId: string, key = `key-${task}-${sampleId}`, repeat?: number): GenerateRequest => ({
  kind: 'generate',
  key,
  origin: { task, sampleId, ...(repeat === undefined ? {} : { repeat }) },
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

  it('answers each repeat of a --repeats record from its own line, and names the repeats it holds when one is missing', async () => {
    const repeatLine = (repeat: number, text: string) => recordLine({ task: 'aime', sampleId: 'p1', repeat, requestKey: `key-aime-p1-seed${repeat}`, requestKind: 'generate', completion: { text, finishReason: 'stop' } });
    const backend = await ReplayBackend.open(replayFile([repeatLine(0, 'first'), repeatLine(1, 'second')]));
    const [zero, one, two, unrepeated] = await backend.answer([
      generate('aime', 'p1', 'key-aime-p1-seed0', 0),
      generate('aime', 'p1', 'key-aime-p1-seed1', 1),
      generate('aime', 'p1', 'key-aime-p1-seed2', 2),
      generate('aime', 'p1', 'key-aime-p1-noseed'),
    ]);
    expect(zero).toMatchObject({ ok: true, completion: { text: 'first' } });
    expect(one).toMatchObject({ ok: true, completion: { text: 'second' } });
    expect(two).toMatchObject({ ok: false, error: { code: 'REPLAY_MISSING', message: expect.stringMatching(/aime sample p1 repeat 2 \(the file holds repeats 0, 1 of it: replay with the --repeats and --seed/) } });
    expect(unrepeated).toMatchObject({ ok: false, error: { code: 'REPLAY_MISSING', message: expect.stringContaining('holds repeats 0, 1') } });
    // The key decides before the repeat index: a request whose key another repeat saved gets that answer.
    expect((await backend.answer([generate('aime', 'p1', 'key-aime-p1-seed1', 0)]))[0]).toMatchObject({ ok: true, completion: { text: 'second' } });
  });

  it('prefers, among identical requests, the answer saved for the same sample', async () => {
    const line = (sampleId: string, text: string) => recordLine({ task: 'gsm8k', sampleId, requestKey: 'shared', requestKind: 'generate', completion: { text } });
    const backend = await ReplayBackend.open(replayFile([line('a', 'answer of a'), line('b', 'answer of b')]));
    const [b, c] = await backend.answer([generate('gsm8k', 'b', 'shared'), generate('gsm8k', 'c', 'shared')]);
    expect(b).toMatchObject({ ok: true, completion: { text: 'answer of b' } });
    expect(c).toMatchObject({ ok: true, completion: { text: 'answer of a' } });
  });

  it('answers a repeat from its own prediction line, and every repeat from a line without one', async () => {
    const backend = await ReplayBackend.open(replayFile([{ task: 'gsm8k', sample_id: 1, output: 'any repeat' }, { task: 'gsm8k', sample_id: 1, repeat: 1, output: 'repeat 1' }, { task: 'gsm8k', sample_id: 2, repeat: 0, output: 'only 0' }]));
    const answers = await backend.answer([generate('gsm8k', '1', 'k0', 0), generate('gsm8k', '1', 'k1', 1), generate('gsm8k', '2', 'k2', 0), generate('gsm8k', '2', 'k3', 1)]);
    expect(answers.map((a) => (a.ok && a.completion.kind === 'generate' ? a.completion.text : a.ok ? '?' : a.error.code))).toEqual(['any repeat', 'repeat 1', 'only 0', 'REPLAY_MISSING']);
  });

  it('answers each turn of a multi-turn record line from that turn, its timing and its error included', async () => {
    const timing = (startedAt: number) => ({ startedAt, queuedMs: 0, ttftMs: 5, totalMs: 10, batchSize: 2 });
    const conversation = recordLine({
      task: 'multi-if',
      sampleId: 'c1',
      requestKey: 'turn-1',
      requestKind: 'generate',
      completion: { text: 'last turn again' },
      turns: [
        { requestKey: 'turn-1', prompt: 'user: q1', completion: { text: 'one', finishReason: 'stop' }, timing: timing(100), tokens: { prompt: 3, generated: 2 } },
        { requestKey: 'turn-2', prompt: 'user: q1\nassistant: one\nuser: q2', completion: { text: 'two', finishReason: 'length' }, timing: timing(200), tokens: { prompt: 9, generated: 4 } },
      ],
    });
    const failed = recordLine({ task: 'multi-if', sampleId: 'c2', requestKey: 'c2-turn-1', requestKind: 'generate', error: { code: 'BACKEND', message: 'turn 2: HTTP 500', retryable: true }, turns: [{ requestKey: 'c2-turn-1', prompt: 'q', completion: { text: 'ok' } }, { requestKey: 'c2-turn-2', prompt: 'q2', error: { code: 'BACKEND', message: 'HTTP 500', retryable: true } }] });
    const backend = await ReplayBackend.open(replayFile([conversation, failed]));
    expect(backend.info.details).toEqual({ answers: 4, samples: 2 });
    const [one, two, third, c2one, c2two] = await backend.answer([generate('multi-if', 'c1', 'turn-1'), generate('multi-if', 'c1', 'turn-2'), generate('multi-if', 'c1', 'turn-3'), generate('multi-if', 'c2', 'c2-turn-1'), generate('multi-if', 'c2', 'c2-turn-2')]);
    expect(one).toMatchObject({ ok: true, completion: { text: 'one', timing: { startedAt: 100 }, tokens: { prompt: 3, generated: 2 } } });
    expect(two).toMatchObject({ ok: true, completion: { text: 'two', finishReason: 'length', timing: { startedAt: 200 }, tokens: { prompt: 9 } } });
    // A turn the record never asked (the conversation changed) is not answered with another turn's text.
    expect(third).toMatchObject({ ok: false, error: { code: 'REPLAY_MISMATCH', message: expect.stringContaining('multi-if sample c1 was made for a different request') } });
    expect(c2one).toMatchObject({ ok: true, completion: { text: 'ok' } });
    // The failed turn fails again with its own error (the runner adds "turn 2: " again).
    expect(c2two).toEqual({ ok: false, error: { code: 'BACKEND', message: 'HTTP 500', retryable: true } });
  });

  it.each([
    { name: 'a line that is not JSON', lines: [{ task: 't', sample_id: '1', output: 'x' }, '{"task": '], problem: /:2: invalid JSON/ },
    { name: 'a line in no known format', lines: [{ answer: 'x' }], problem: /:1: not a known replay line/ },
    { name: 'a prediction without a task', lines: [{ sample_id: '1', output: 'x' }], problem: /:1: field "task" must be a string/ },
    { name: 'a record line without completion or error', lines: [recordLine({})], problem: /:1: a sample result needs a "completion" or an "error"/ },
    { name: 'a record line with ragged log-likelihoods', lines: [recordLine({ completion: { logprobs: [-1, -2], greedy: [true], continuationTokens: [1, 1] } })], problem: /:1: completion.logprobs, greedy and continuationTokens must have the same length/ },
    { name: 'a sample answered twice', lines: [{ task: 't', sample_id: '1', output: 'x' }, '', { task: 't', sample_id: 1, output: 'y' }], problem: /:3: task "t" sample "1" was already answered on line 1/ },
    { name: 'a repeat answered twice', lines: [{ task: 't', sample_id: '1', repeat: 0, output: 'x' }, { task: 't', sample_id: '1', repeat: 1, output: 'x' }, { task: 't', sample_id: '1', repeat: 1, output: 'y' }], problem: /:3: task "t" sample "1" repeat 1 was already answered on line 2/ },
    { name: 'a repeat that is not an index', lines: [{ task: 't', sample_id: '1', repeat: -1, output: 'x' }], problem: /:1: field "repeat" must be a non-negative integer/ },
    { name: 'a turn without a request key', lines: [recordLine({ requestKind: 'generate', turns: [{ prompt: 'q', completion: { text: 'a' } }] })], problem: /:1: field "requestKey" must be a string \(turns\[0\]\.requestKey\)/ },
    { name: 'a turn without an answer', lines: [recordLine({ requestKind: 'generate', turns: [{ requestKey: 'k', prompt: 'q', completion: { text: 'a' } }, { requestKey: 'k2', prompt: 'q' }] })], problem: /:1: turns\[1\] needs a "completion" or an "error"/ },
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
