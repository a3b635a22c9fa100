// `ernie-eval run --repeats N` end to end: HumanEval replayed from saved outputs (scored in the
// sandbox) gives N record lines per problem and pass@1 over problems; a sampled task (AIME) against
// the fake OpenAI server sends seeds seed+i, and its shards merge into the single run's record.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// Named import: under NodeNext the default import of this CommonJS module types as the module object.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SampleResult } from '../../src/core/index.ts';
import { reportCommand } from '../../src/cli/report-command.ts';
import { compareRuns } from '../../src/report/index.ts';
import { mergeShardRecords } from '../../src/runner/merge-records.ts';
import { sandboxAvailable } from '../../src/scoring/index.ts';
import { readRecord, type RunRecord } from '../../src/store/index.ts';
import { loadTask, prepareTask } from '../../src/task/index.ts';
import { runCli } from '../support/cli.ts';
import { FAKE_MODEL, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { freshTempDir } from '../support/tiny-models.ts';
import { recordDir } from './resume-kill-support.ts';

const sandbox = (await sandboxAvailable()) && existsSync('/usr/bin/python3');
if (!sandbox) console.warn('[repeats: humaneval replay test skipped] bwrap cannot create namespaces here or /usr/bin/python3 is missing');

/** Samples by sample id (Node 20 has no Map.groupBy). */
function groupBy(samples: readonly SampleResult[], key: (s: SampleResult) => string): Map<string, SampleResult[]> {
  const out = new Map<string, SampleResult[]>();
  for (const s of samples) out.set(key(s), [...(out.get(key(s)) ?? []), s]);
  return out;
}

const lineId = (s: SampleResult) => `${s.task}/${s.sampleId}#${String(s.repeat)}`;

async function run(args: string[]): Promise<{ record: RunRecord; stderr: string }> {
  const out = freshTempDir();
  const r = await runCli(['run', ...args, '--out', out, '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  return { record: await readRecord(recordDir(out) as string), stderr: r.stderr };
}

describe.skipIf(!sandbox)('run --tasks humaneval --repeats 3 --model replay:FILE', () => {
  let record: RunRecord;
  let stderr: string;
  let solved: number;
  let problems: number;
  beforeAll(async () => {
    const task = await prepareTask(await loadTask('humaneval'), {});
    if (task.status !== 'ready') throw new Error('humaneval bundled items missing');
    const samples = task.data.samples;
    problems = samples.length;
    // The first half answered with the canonical solution, the rest with a body that fails.
    solved = Math.ceil(problems / 2);
    const file = join(freshTempDir(), 'outputs.jsonl');
    writeFileSync(file, samples.map((s, i) => JSON.stringify({ task: 'humaneval', sample_id: s.id, output: i < solved ? s.target : '    raise ValueError("wrong")\n' })).join('\n'));
    ({ record, stderr } = await run(['--tasks', 'humaneval', '--repeats', '3', '--model', `replay:${file}`]));
  }, 120_000);

  it('records 3 lines per problem, each its own request (seed) and repeat index', () => {
    expect(record.manifest.runSpec.repeats).toBe(3);
    expect(record.samples).toHaveLength(3 * problems);
    const byProblem = groupBy(record.samples, (s) => s.sampleId);
    expect(byProblem.size).toBe(problems);
    for (const lines of byProblem.values()) {
      expect(lines.map((s) => s.repeat).sort()).toEqual([0, 1, 2]);
      expect(new Set(lines.map((s) => s.requestKey)).size).toBe(3);
    }
    // HumanEval decodes greedily: the run says the repeats will agree.
    expect(stderr).toMatch(/--repeats 3: humaneval decode greedily \(temperature 0\)/);
  });

  it('scores pass@1 over problems (n = problems) and leaves pass@10 out with 3 answers', () => {
    const metrics = record.results?.tasks['humaneval']?.metrics;
    expect(metrics?.['pass@1']).toMatchObject({ value: solved / problems, n: problems });
    expect(metrics?.['pass@10']).toBeUndefined();
    expect(record.results?.tasks['humaneval']?.coverage.total).toBe(3 * problems);
  });

  it('writes records that satisfy the schemas, compare per problem and a summary naming the repeats', async () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8')) as object);
    const [manifestSchema, sampleSchema] = [schema('manifest'), schema('sample-result')];
    expect(manifestSchema(record.manifest), ajv.errorsText(manifestSchema.errors)).toBe(true);
    expect(sampleSchema(record.samples[0]), ajv.errorsText(sampleSchema.errors)).toBe(true);
    const compared = compareRuns(record, record).tasks[0];
    expect(compared).toMatchObject({ nShared: problems, diff: 0, onlyInBase: 0, onlyInNew: 0 });
    const out = freshTempDir();
    const rendered = await runReport(record.dir, out);
    expect(rendered).toBe(0);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/3 answers per generated sample \(seeds 1234\.\.1236/);
  });
});

async function runReport(dir: string, out: string): Promise<number> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    return await reportCommand([dir, '--out', out]);
  } finally {
    log.mockRestore();
  }
}

describe('run --tasks aime --repeats 2 against a server, sharded and merged', () => {
  let server: FakeOpenAiServer;
  let single: RunRecord;
  let shards: RunRecord[];
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    const base = ['--tasks', 'aime', '--repeats', '2', '--model', `openai:${server.url}`, '--model-name', FAKE_MODEL];
    single = (await run(base)).record;
    shards = [(await run([...base, '--shard', '0/2'])).record, (await run([...base, '--shard', '1/2'])).record];
  }, 120_000);
  afterAll(async () => server.close());

  it('sends each prompt twice, with seeds 1234 and 1235', () => {
    const seeds = new Map<string, number[]>();
    for (const r of server.requests.filter((q) => q.path.endsWith('/chat/completions'))) {
      const prompt = JSON.stringify(r.body['messages']);
      seeds.set(prompt, [...(seeds.get(prompt) ?? []), Number(r.body['seed'])]);
    }
    expect(seeds.size).toBe(single.samples.length / 2);
    for (const s of seeds.values()) expect(s.sort()).toEqual([1234, 1234, 1235, 1235]); // the single run and its shard
    // Sampled (temperature 0.6): the fake server's answer depends on the seed.
    const texts = groupBy(single.samples, (s) => s.sampleId);
    expect([...texts.values()].some(([a, b]) => a?.completion?.text !== b?.completion?.text)).toBe(true);
  });

  it('keeps both repeats of a sample in one shard, and the merge equals the single run', async () => {
    for (const shard of shards) {
      const ids = groupBy(shard.samples, (s) => s.sampleId);
      for (const lines of ids.values()) expect(lines.map((s) => s.repeat).sort()).toEqual([0, 1]);
    }
    const merged = await mergeShardRecords(join(freshTempDir(), 'merged'), shards.map((s) => s.dir));
    const record = await readRecord(merged.dir);
    expect(record.samples.map(lineId)).toEqual(single.samples.map(lineId).sort((a, b) => (a < b ? -1 : 1)));
    const byLine = new Map(single.samples.map((s) => [lineId(s), s]));
    for (const s of record.samples) expect({ key: s.requestKey, text: s.completion?.text, score: s.score }).toEqual({ key: byLine.get(lineId(s))?.requestKey, text: byLine.get(lineId(s))?.completion?.text, score: byLine.get(lineId(s))?.score });
    const [m, r] = [record.results?.tasks['aime'], single.results?.tasks['aime']];
    expect({ metrics: m?.metrics, subsets: m?.subsets, coverage: m?.coverage }).toEqual({ metrics: r?.metrics, subsets: r?.subsets, coverage: r?.coverage });
    expect(m?.metrics['acc']?.n).toBe(single.samples.length / 2);
    expect(record.manifest.runSpecHash).toBe(single.manifest.runSpecHash);
  });
});
