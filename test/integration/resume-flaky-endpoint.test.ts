// A flaky endpoint: the fake server fails a fifth of all requests (503 with Retry-After: 0, 500, a
// dropped connection, a stream cut mid-way; the retry of the same request succeeds). The run still
// finishes with the fault-free run's answers and scores, each recovered sample counting its retries.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord } from '../../src/store/index.ts';
import { FAKE_MODEL, startFakeOpenAiServer, type Fault, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { freshTempDir } from '../support/tiny-models.ts';
import { expectSameRecord, gsm8kData, recordDir, startCli } from './resume-kill-support.ts';

const KINDS: Fault[] = [{ kind: 'http-503', retryAfter: '0' }, { kind: 'http-500' }, { kind: 'drop' }, { kind: 'cut' }];
let clean: FakeOpenAiServer;
let flaky: FakeOpenAiServer;

beforeAll(async () => {
  clean = await startFakeOpenAiServer();
  flaky = await startFakeOpenAiServer({
    faults: (r) => {
      if (r.path === '/models') return undefined; // the probe is not retried per sample
      const h = createHash('sha256').update(`${r.identity}#${r.seen}`).digest().readUInt32BE(0);
      return h % 5 === 0 ? KINDS[h % KINDS.length] : undefined;
    },
  });
});
afterAll(async () => {
  await clean.close();
  await flaky.close();
});

async function run(server: FakeOpenAiServer) {
  const out = freshTempDir();
  const cli = startCli(['run', '--suite', 'smoke', '--limit', '20', '--model', `openai:${server.url}`, '--model-name', FAKE_MODEL, '--out', out, '--no-cache', '--max-errors', '0']);
  const exit = await cli.exited;
  expect(exit.code, cli.stderr()).toBe(0);
  return readRecord(recordDir(out) as string);
}

describe('a flaky endpoint failing 1 request in 5', () => {
  it('finishes with the fault-free scores', async () => {
    const [reference, record] = await Promise.all([run(clean), run(flaky)]);
    const faults = flaky.requests.filter((r) => r.fault !== undefined).length;
    expect(faults / flaky.requests.length).toBeGreaterThan(0.1);
    expectSameRecord(record, reference);
    expect(record.samples.reduce((n, s) => n + (s.retries ?? 0), 0)).toBeGreaterThan(0);
  });
});

describe('--max-errors P% against a broken endpoint', () => {
  it('stops early with one clear message and exit code 3, keeping what was recorded', async () => {
    const broken = await startFakeOpenAiServer({ faults: (r) => (r.path === '/completions' && r.body['echo'] === undefined ? { kind: 'http-400' } : undefined) });
    try {
      const out = freshTempDir();
      const data = gsm8kData(400);
      const cli = startCli(['run', '--tasks', 'gsm8k', '--data-dir', data, '--model', `openai:${broken.url}`, '--model-name', FAKE_MODEL, '--concurrency', '2', '--out', out, '--no-cache', '--max-errors', '10%']);
      const exit = await cli.exited;
      expect(exit.code).toBe(3);
      const lines = cli.stderr().split('\n').filter((l) => l.includes('run aborted'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/of the first \d+ samples failed, clearly more than 10%/);
      const record = await readRecord(recordDir(out) as string);
      expect(record.results?.status).toBe('aborted');
      // Stopped after the first 20-odd samples, not after the budget of 10% of 400 (40).
      expect(record.samples.length).toBeGreaterThanOrEqual(20);
      expect(record.samples.length).toBeLessThan(30);
      expect(record.samples.every((s) => s.error?.code === 'BACKEND')).toBe(true);
    } finally {
      await broken.close();
    }
  });
});
