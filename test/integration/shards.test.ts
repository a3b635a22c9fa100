// Sharding: the smoke suite (MMLU log-likelihood with subjects, GSM8K generation) run as 3 shard
// processes side by side and merged gives the single run's record; merging overlapping, missing or
// foreign shards is refused, naming them, and writes nothing.
import { existsSync, readFileSync } from 'node:fs';
// Named import: under NodeNext the default import of this CommonJS module types as the module object.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShardRecords } from '../../src/runner/merge-records.ts';
import { shardOf } from '../../src/runner/shard.ts';
import { readRecord, type RunRecord } from '../../src/store/index.ts';
import { FAKE_MODEL, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { freshTempDir } from '../support/tiny-models.ts';
import { expectSameRecord, recordDir, startCli } from './resume-kill-support.ts';

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(async () => server.close());

async function run(extra: string[]): Promise<RunRecord> {
  const out = freshTempDir();
  const cli = startCli(['run', '--suite', 'smoke', '--limit', '12', '--model', `openai:${server.url}`, '--model-name', FAKE_MODEL, '--out', out, '--no-cache', ...extra]);
  const exit = await cli.exited;
  expect(exit.code, cli.stderr()).toBe(0);
  return readRecord(recordDir(out) as string);
}

describe('--shard i/N and merge', () => {
  let single: RunRecord;
  let shards: RunRecord[];
  beforeAll(async () => {
    [single, ...shards] = await Promise.all([run([]), run(['--shard', '0/3']), run(['--shard', '1/3']), run(['--shard', '2/3'])]);
  });

  it('splits the samples by hash of (task, sampleId): each shard holds its own, all together the single run', () => {
    expect(shards.map((s) => s.manifest.runSpec.shard)).toEqual([0, 1, 2].map((index) => ({ index, count: 3 })));
    for (const [i, shard] of shards.entries()) {
      expect(shard.samples.length).toBeGreaterThan(0);
      for (const s of shard.samples) expect(shardOf(s.task, s.sampleId, 3)).toBe(i);
    }
    expect(shards.reduce((n, s) => n + s.samples.length, 0)).toBe(single.samples.length);
    expect(new Set(shards.map((s) => s.manifest.runSpecHash)).size).toBe(3); // the shard is part of the spec
  });

  it('merges the 3 shard records into the record of the single run', async () => {
    const out = join(freshTempDir(), 'merged');
    const merged = await mergeShardRecords(out, shards.map((s) => s.dir).reverse());
    const record = await readRecord(out);
    expectSameRecord(record, single);
    expect(Object.keys(record.results?.tasks ?? {}).sort()).toEqual(Object.keys(single.results?.tasks ?? {}).sort());
    expect(record.results?.tasks['mmlu']?.macro).toBeDefined();
    // Same spec as the single run: the merged record is comparable with it by runSpecHash.
    expect(record.manifest.runSpecHash).toBe(single.manifest.runSpecHash);
    expect(record.manifest.runSpec.shard).toBeUndefined();
    expect(record.manifest.mergedFrom).toEqual(shards.map((s) => s.manifest.runId));
    expect(merged.results.resume?.computed).toBe(single.samples.length);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8')) as object);
    const manifestSchema = schema('manifest');
    for (const [validate, value] of [[manifestSchema, record.manifest], [manifestSchema, shards[0]?.manifest], [schema('results'), record.results], [schema('sample-result'), record.samples[0]]] as const) {
      expect(validate(value), ajv.errorsText(validate.errors)).toBe(true);
    }
    // Samples sorted by task then sample id.
    const order = record.samples.map((s) => [s.task, s.sampleId] as const);
    expect(order).toEqual([...order].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1)));
  });

  it('refuses overlapping, missing and foreign shards with a message naming them, writing nothing', async () => {
    const [a, b, c] = shards.map((s) => s.dir) as [string, string, string];
    const cases: [string[], RegExp][] = [
      [[a, b, a], new RegExp(`shards overlap: ${a} and ${a} are both shard 0/3`)],
      [[a, c], /missing shard 1\/3 \(have 0\/3, 2\/3\)/],
      [[a, b, c, single.dir], new RegExp(`${single.dir} is not a shard record`)],
    ];
    for (const [dirs, message] of cases) {
      const out = join(freshTempDir(), 'merged');
      await expect(mergeShardRecords(out, dirs)).rejects.toThrow(message);
      expect(existsSync(out)).toBe(false);
    }
    const other = await run(['--shard', '1/3', '--limit', '4']);
    await expect(mergeShardRecords(join(freshTempDir(), 'merged'), [a, other.dir, c])).rejects.toThrow(`${other.dir} is a shard of a different run than ${a}`);
  });
});
