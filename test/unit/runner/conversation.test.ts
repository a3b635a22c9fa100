// Multi-turn samples (TaskSpec.followUp) through the runner with a fake backend: turn k+1 carries
// the model's earlier answers, the conversation is one record line scored once, a failed turn is
// the sample's error, and the response cache, resume and --repeats work turn by turn.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// Named import: under NodeNext the default import of this CommonJS module types as the module object.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { defineTask, type Backend, type Completion, type GenerateRequest, type Message, type Outcome, type Request, type SampleResult, type TaskSpec } from '../../../src/core/index.ts';
import { runEvaluation, type Progress } from '../../../src/runner/index.ts';
import { buildManifest, readRecord, RecordWriter, type ResponseLookup } from '../../../src/store/index.ts';
import { loadTask, prepareTask, type PrepareOptions, type PreparedTask } from '../../../src/task/index.ts';
import { freshTempDir } from '../../support/tiny-models.ts';

const quiet: Progress = { start() {}, advance() {}, finish() {} };
const fixtures = freshTempDir();
mkdirSync(join(fixtures, 'chat'), { recursive: true });

/** c3 has three turns, c2 two; turn k asks "<id> question k". */
const chat: TaskSpec = defineTask({
  id: 'toy-chat',
  version: '1',
  title: 'toy chat',
  description: 'multi-turn test task',
  protocol: { shots: 0, chainOfThought: false, requestKind: 'generate', source: 'test' },
  requires: ['generate', 'chat'],
  metrics: [{ name: 'consistent', higherIsBetter: true, description: 'every turn saw the answers before it' }],
  primaryMetric: 'consistent',
  data: { folder: 'chat', download: 'none', bundledDir: join(fixtures, 'chat') },
  load: async () => ({ samples: [{ id: 'c3', input: '', target: '3' }, { id: 'c2', input: '', target: '2' }], fewshot: [], files: [] }),
  buildRequest: (sample) => ({ kind: 'generate', prompt: { kind: 'chat', messages: [{ role: 'user', content: `${sample.id} question 1` }] }, params: { maxTokens: 16, temperature: 0.7, until: [] } }),
  followUp(sample, _data, answers) {
    if (answers.length >= Number(sample.target)) return null;
    const messages: Message[] = answers.flatMap((a, i): Message[] => [{ role: 'user', content: `${sample.id} question ${i + 1}` }, { role: 'assistant', content: a }]);
    messages.push({ role: 'user', content: `${sample.id} question ${answers.length + 1}` });
    return { kind: 'generate', prompt: { kind: 'chat', messages }, params: { maxTokens: 16, temperature: 0.7, until: [] } };
  },
  score: () => ({ values: { consistent: 0 } }),
  scoreConversation(sample, completions) {
    const texts = completions.map((c) => (c.kind === 'generate' ? c.text : ''));
    // The fake answers "answer k after [earlier answers]": right when each turn saw the ones before.
    const expected = texts.map((_, k) => `answer ${k + 1} after [${texts.slice(0, k).join('|')}]`);
    return { values: { consistent: texts.length === Number(sample.target) && texts.every((t, k) => t === expected[k]) ? 1 : 0 } };
  },
});

class ConversationEcho implements Backend {
  readonly info = { kind: 'openai' as const, location: 'fake', modelName: 'echo', fingerprint: 'echo' };
  readonly capabilities = { loglikelihood: false, generate: true, chat: true, images: false, thinking: true };
  readonly maxBatchSize = 8;
  readonly concurrency = 1;
  readonly batches: GenerateRequest[][] = [];
  constructor(private readonly fail: (r: GenerateRequest) => boolean = () => false) {}
  async answer(batch: Request[]): Promise<Outcome[]> {
    const requests = batch as GenerateRequest[];
    this.batches.push(requests);
    return requests.map((r): Outcome => {
      if (this.fail(r)) return { ok: false, error: { code: 'BACKEND', message: 'HTTP 500', retryable: true } };
      const messages = r.prompt.kind === 'chat' ? r.prompt.messages : [];
      const earlier = messages.filter((m) => m.role === 'assistant').map((m) => m.content as string);
      const text = `answer ${earlier.length + 1} after [${earlier.join('|')}]`;
      const completion: Completion = { kind: 'generate', text, finishReason: 'stop', timing: { startedAt: 1000 * this.batches.length, queuedMs: 0, ttftMs: 5, totalMs: 10, batchSize: batch.length }, tokens: { prompt: 4 * messages.length, generated: 3 } };
      return { ok: true, completion };
    });
  }
  async close(): Promise<void> {}
}

async function prepared(spec: TaskSpec, options: PrepareOptions = {}): Promise<PreparedTask> {
  const t = await prepareTask(spec, options);
  if (t.status !== 'ready') throw new Error('data missing');
  return t;
}

async function evaluate(task: PreparedTask, backend: Backend, extra: { resumed?: SampleResult[]; cache?: ResponseLookup } = {}) {
  const outDir = freshTempDir();
  const manifest = await buildManifest({ runSpec: { tasks: [task.spec.id], model: 'fake', dtype: 'fp32', seed: 1234, workers: 1, outDir }, model: backend.info, datasets: {}, tasks: {} });
  const dir = join(outDir, manifest.runId);
  const writer = await RecordWriter.open(dir, manifest);
  try {
    return { ...(await runEvaluation({ tasks: [task], backend, writer, progress: quiet, ...extra })), dir };
  } finally {
    await writer.close();
  }
}

const byId = (samples: SampleResult[]) => new Map(samples.map((s) => [s.sampleId, s]));

describe('multi-turn samples in the runner', () => {
  it('asks turn k+1 with the earlier answers, batched turn by turn, and records one scored line per conversation', async () => {
    const backend = new ConversationEcho();
    const { samples, results, dir } = await evaluate(await prepared(chat), backend);
    // Turn 1 of both, turn 2 of both, turn 3 of c3 only.
    expect(backend.batches.map((b) => b.length)).toEqual([2, 2, 1]);
    const c3 = byId((await readRecord(dir)).samples).get('c3') as SampleResult;
    expect(c3.turns?.map((t) => t.completion?.text)).toEqual(['answer 1 after []', 'answer 2 after [answer 1 after []]', 'answer 3 after [answer 1 after []|answer 2 after [answer 1 after []]]']);
    expect(c3.turns?.[2]?.prompt).toBe('user: c3 question 1\nassistant: answer 1 after []\nuser: c3 question 2\nassistant: answer 2 after [answer 1 after []]\nuser: c3 question 3');
    // The line: first turn's key, last turn's prompt and answer, tokens summed, timing spanning the turns.
    expect(c3.requestKey).toBe(c3.turns?.[0]?.requestKey);
    expect(new Set(c3.turns?.map((t) => t.requestKey)).size).toBe(3);
    expect(c3.prompt).toBe(c3.turns?.[2]?.prompt);
    expect(c3.completion?.text).toBe(c3.turns?.[2]?.completion?.text);
    expect(c3.tokens).toEqual({ prompt: 4 * (1 + 3 + 5), generated: 9 });
    expect(c3.timing).toMatchObject({ startedAt: 1000, totalMs: 3010 - 1000, ttftMs: 5 });
    expect(c3.score?.values).toEqual({ consistent: 1 });
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../../schema/sample-result.schema.json', import.meta.url), 'utf8')) as object);
    expect(validate(c3), ajv.errorsText(validate.errors)).toBe(true);
    expect(byId(samples).get('c2')?.turns).toHaveLength(2);
    expect(results.tasks['toy-chat']?.metrics['consistent']).toMatchObject({ value: 1, n: 2 });
    expect(results.resume).toEqual({ fromRecord: 0, fromCache: 0, computed: 2 });
  });

  it('makes a failed turn the sample error, naming the turn, and keeps the other conversations', async () => {
    const failSecond = (r: GenerateRequest) => r.prompt.kind === 'chat' && r.prompt.messages.length === 3 && r.origin?.sampleId === 'c3';
    const backend = new ConversationEcho(failSecond);
    const { samples, results } = await evaluate(await prepared(chat), backend);
    const c3 = byId(samples).get('c3') as SampleResult;
    expect(c3.error).toMatchObject({ code: 'BACKEND', message: 'turn 2: HTTP 500' });
    expect(c3.turns).toHaveLength(2);
    expect(c3.score).toBeUndefined();
    expect(backend.batches.map((b) => b.length)).toEqual([2, 2]); // no third turn after the failure
    expect(byId(samples).get('c2')?.score?.values).toEqual({ consistent: 1 });
    expect(results.tasks['toy-chat']?.coverage).toMatchObject({ total: 2, errored: 1 });
  });

  it('makes a followUp that throws the sample error, not a crash', async () => {
    const broken = defineTask({ ...chat, followUp: () => { throw new Error('no such turn'); } });
    const { samples } = await evaluate(await prepared(broken), new ConversationEcho());
    expect(samples.map((s) => s.error?.message)).toEqual(['turn 2: no such turn', 'turn 2: no such turn']);
  });

  it('keeps every turn in the response cache: a re-run asks nothing, a lost turn is asked again', async () => {
    const store = new Map<string, Completion>();
    const cache: ResponseLookup = { get: (key) => store.get(key), put: (key, c) => void store.set(key, c) };
    const first = await evaluate(await prepared(chat), new ConversationEcho(), { cache });
    expect(store.size).toBe(5);
    const again = new ConversationEcho();
    const second = await evaluate(await prepared(chat), again, { cache });
    expect(again.batches).toHaveLength(0);
    expect(second.results.resume).toEqual({ fromRecord: 0, fromCache: 2, computed: 0 });
    expect(second.samples.every((s) => s.cached === true && s.turns?.every((t) => t.cached === true))).toBe(true);
    expect(second.results.tasks['toy-chat']?.metrics).toEqual(first.results.tasks['toy-chat']?.metrics);
    // Turn 3 of c3 lost: c3 starts over (turn 1), takes turn 2 from the cache, asks turn 3.
    const c3 = byId(first.samples).get('c3') as SampleResult;
    store.delete(c3.turns?.[2]?.requestKey as string);
    const partial = new ConversationEcho();
    const third = await evaluate(await prepared(chat), partial, { cache });
    expect(partial.batches.map((b) => b.map((r) => r.key))).toEqual([[c3.turns?.[0]?.requestKey], [c3.turns?.[2]?.requestKey]]);
    expect(byId(third.samples).get('c3')?.turns?.map((t) => t.cached === true)).toEqual([false, true, false]);
    expect(third.results.tasks['toy-chat']?.metrics).toEqual(first.results.tasks['toy-chat']?.metrics);
  });

  it('resumes whole conversations only', async () => {
    const first = await evaluate(await prepared(chat), new ConversationEcho());
    const backend = new ConversationEcho();
    const resumed = await evaluate(await prepared(chat), backend, { resumed: first.samples.filter((s) => s.sampleId === 'c3') });
    expect(backend.batches.flat().map((r) => r.origin?.sampleId)).toEqual(['c2', 'c2']);
    expect(resumed.results.tasks['toy-chat']?.metrics['consistent']).toMatchObject({ value: 1, n: 2 });
  });

  it('applies the run settings and the repeat seed to every turn', async () => {
    const backend = new ConversationEcho();
    const { samples } = await evaluate(await prepared(chat, { repeats: 2, seed: 50, thinking: false, maxTokens: 8 }), backend);
    expect(samples).toHaveLength(4);
    const params = backend.batches.flat().map((r) => [r.origin?.sampleId, r.origin?.repeat, r.params.seed, r.params.thinking, r.params.maxTokens]);
    expect(params.filter((p) => p[0] === 'c3').sort()).toEqual([...[0, 0, 0].map(() => ['c3', 0, 50, false, 8]), ...[0, 0, 0].map(() => ['c3', 1, 51, false, 8])]);
    expect(samples.every((s) => s.score?.values['consistent'] === 1)).toBe(true);
  });

  it('runs all three Multi-IF turns and reports overall', async () => {
    const multiIf = await loadTask('multi-if');
    expect(multiIf.primaryMetric).toBe('overall');
    const backend = new ConversationEcho();
    const { samples, results } = await evaluate(await prepared(multiIf), backend);
    // The bundled Chinese conversation has no third turn.
    expect(Object.fromEntries(samples.map((s) => [s.sampleId, s.turns?.length]))).toEqual({ '9001:1:en': 3, '9002:1:zh': 2, '9003:1:hi': 3 });
    expect(samples.every((s) => s.score?.values['t2_present'] === 1)).toBe(true);
    const metrics = results.tasks['multi-if']?.metrics;
    expect(metrics?.['turn3_overall']?.n).toBe(3);
    expect(metrics?.['overall']?.value).toBeCloseTo(((metrics?.['turn1_overall']?.value ?? NaN) + (metrics?.['turn2_overall']?.value ?? NaN) + (metrics?.['turn3_overall']?.value ?? NaN)) / 3, 12);
  });
});
