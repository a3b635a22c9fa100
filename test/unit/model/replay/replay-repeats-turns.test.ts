// Replaying records made with --repeats and with multi-turn conversations (Multi-IF): each repeat
// and each turn is answered from its own saved request, so a re-scored replay reproduces the
// record's scores line by line. The records are made through the CLI against the fake OpenAI server
// (answers are a function of prompt and seed), then replayed through the CLI.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleResult } from '../../../../src/core/index.ts';
import { readRecord, SAMPLES_FILE, type RunRecord } from '../../../../src/store/index.ts';
import { recordDir } from '../../../integration/resume-kill-support.ts';
import { runCli } from '../../../support/cli.ts';
import { FAKE_MODEL, startFakeOpenAiServer, type FakeOpenAiServer } from '../../../support/fake-openai-server.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';

async function run(args: string[]): Promise<RunRecord> {
  const out = freshTempDir();
  const r = await runCli(['run', ...args, '--out', out, '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  return readRecord(recordDir(out) as string);
}

const lineId = (s: SampleResult) => `${s.task}/${s.sampleId}#${String(s.repeat)}`;

/** What a replay must give back of a line: its answers, turn by turn, and its score. */
const replayed = (s: SampleResult) => ({
  requestKey: s.requestKey,
  completion: s.completion,
  error: s.error,
  score: s.score,
  turns: s.turns?.map((t) => ({ requestKey: t.requestKey, prompt: t.prompt, completion: t.completion, error: t.error, timing: t.timing, tokens: t.tokens })),
  timing: s.timing,
  tokens: s.tokens,
});

/** Replay `record` with the run settings it was made with and check every line and metric. */
async function expectReplayReproduces(record: RunRecord, settings: string[]): Promise<RunRecord> {
  const again = await run([...settings, '--model', `replay:${join(record.dir, SAMPLES_FILE)}`]);
  // samples.jsonl is in the order answers finished; lines are compared by identity.
  expect(again.samples.map(lineId).sort()).toEqual(record.samples.map(lineId).sort());
  const before = new Map(record.samples.map((s) => [lineId(s), s]));
  for (const s of again.samples) expect(replayed(s), lineId(s)).toEqual(replayed(before.get(lineId(s)) as SampleResult));
  for (const [task, result] of Object.entries(record.results?.tasks ?? {})) {
    const r = again.results?.tasks[task];
    expect({ metrics: r?.metrics, subsets: r?.subsets, coverage: r?.coverage }, task).toEqual({ metrics: result.metrics, subsets: result.subsets, coverage: result.coverage });
    // Every turn's timing travels with its answer: the measured efficiency is the original run's.
    const measured = (e: typeof result.efficiency | undefined) => e && { window: e.activeWindowMs, latency: e.latencyMs, ttft: e.ttftMs, tpot: e.tpotMs, prompt: e.promptTokens, generated: e.generatedTokens };
    expect(measured(r?.efficiency), task).toEqual(measured(result.efficiency));
  }
  return again;
}

describe('replaying --repeats and multi-turn records through the CLI', () => {
  let server: FakeOpenAiServer;
  let repeats: RunRecord;
  let conversations: RunRecord;
  const repeatSettings = ['--tasks', 'aime,multi-if', '--repeats', '2'];
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    const model = ['--model', `openai:${server.url}`, '--model-name', FAKE_MODEL];
    repeats = await run([...repeatSettings, ...model]);
    conversations = await run(['--tasks', 'multi-if', ...model]);
  }, 120_000);
  afterAll(async () => server.close());

  it('replays each repeat of a --repeats record from its own line', async () => {
    const aime = repeats.samples.filter((s) => s.task === 'aime');
    expect(aime.length).toBeGreaterThan(0);
    expect(aime.every((s) => s.error === undefined && (s.repeat === 0 || s.repeat === 1))).toBe(true);
    // AIME samples at temperature > 0: the two repeats of a problem got different answers, so a
    // replay that gave one repeat the other's answer would be caught below.
    const texts = new Map<string, string[]>();
    for (const s of aime) texts.set(s.sampleId, [...(texts.get(s.sampleId) ?? []), s.completion?.text ?? '']);
    expect([...texts.values()].some(([a, b]) => a !== b)).toBe(true);
    const again = await expectReplayReproduces(repeats, repeatSettings);
    expect(again.manifest.model.kind).toBe('replay');
    // Multi-IF with repeats: every conversation of both repeats ran all its turns from the record.
    const turnCounts = (r: RunRecord) => Object.fromEntries(r.samples.filter((s) => s.task === 'multi-if').map((s) => [lineId(s), s.turns?.length]));
    expect(turnCounts(again)).toEqual(turnCounts(repeats));
    expect(Object.values(turnCounts(again)).sort()).toEqual([2, 2, 3, 3, 3, 3]);
  }, 120_000);

  it('replays a multi-turn record turn by turn, with the same scores', async () => {
    expect(conversations.samples.every((s) => s.error === undefined && s.repeat === undefined)).toBe(true);
    expect(Object.fromEntries(conversations.samples.map((s) => [s.sampleId, s.turns?.length]))).toEqual({ '9001:1:en': 3, '9002:1:zh': 2, '9003:1:hi': 3 });
    // The scores differ between conversations, so equal scores are not a coincidence of constants.
    expect(new Set(conversations.samples.map((s) => JSON.stringify(s.score?.values))).size).toBeGreaterThan(1);
    await expectReplayReproduces(conversations, ['--tasks', 'multi-if']);
  }, 120_000);

  it('says which repeats the file holds when the replay asks for others', async () => {
    const again = await run(['--tasks', 'aime', '--repeats', '3', '--model', `replay:${join(repeats.dir, SAMPLES_FILE)}`, '--max-errors', '100%']);
    const third = again.samples.filter((s) => s.repeat === 2);
    expect(third.length).toBeGreaterThan(0);
    expect(third.every((s) => s.error?.code === 'REPLAY_MISSING' && s.error.message.includes('holds repeats 0, 1'))).toBe(true);
    expect(again.samples.filter((s) => s.repeat !== 2).every((s) => s.error === undefined)).toBe(true);
  }, 120_000);
});
