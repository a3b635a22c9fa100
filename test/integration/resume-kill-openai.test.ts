// Crash and resume on the OpenAI-compatible backend, against the fake server in this process. The
// CLI is killed with SIGKILL from inside the server, at the arrival of a seeded random request, so
// requests are in flight at every kill. The server's request log shows that no resumed attempt
// asks for anything finished (recorded or cached) before the kill that ended the previous one.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord } from '../../src/store/index.ts';
import { FAKE_MODEL, startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from '../support/fake-openai-server.ts';
import { freshTempDir } from '../support/tiny-models.ts';
import { cacheKeys, expectNothingRecomputed, expectSameRecord, gsm8kData, recordDir, recordedLines, seeded, startCli, type Attempt } from './resume-kill-support.ts';

const SAMPLES = 40;
const KILLS = 6;
const CONCURRENCY = 4;

let server: FakeOpenAiServer;
/** Set while an attempt runs: the generation request number at which to kill it. */
let trap: { attempt: Attempt; at: number; seen: number } | undefined;

const isGeneration = (r: RecordedRequest) => r.path === '/completions' && typeof r.body['prompt'] === 'string' && r.body['echo'] === undefined;

beforeAll(async () => {
  server = await startFakeOpenAiServer({
    faults: (request) => {
      if (trap === undefined || !isGeneration(request)) return undefined;
      trap.seen++;
      if (trap.seen < trap.at) return undefined;
      trap.attempt.child.kill('SIGKILL'); // mid-run: this and other requests are in flight
      return { kind: 'hang' };
    },
  });
});
afterAll(async () => server.close());

describe('SIGKILL and --resume, OpenAI-compatible backend', () => {
  it(`survives ${KILLS} kills with requests in flight and recomputes nothing finished`, async () => {
    const data = gsm8kData(SAMPLES);
    const common = ['run', '--tasks', 'gsm8k', '--data-dir', data, '--model', `openai:${server.url}`, '--model-name', FAKE_MODEL, '--concurrency', String(CONCURRENCY)];

    const refOut = freshTempDir();
    const ref = startCli([...common, '--out', refOut, '--no-cache']);
    expect((await ref.exited).code, ref.stderr()).toBe(0);
    const reference = await readRecord(recordDir(refOut) as string);
    const keyOfPrompt = new Map(reference.samples.map((s) => [s.prompt, s.requestKey]));

    const out = freshTempDir();
    const cache = join(freshTempDir(), 'responses.sqlite');
    const random = seeded(20);
    let dir: string | undefined;
    let finished = new Set<string>();
    const computedKeys: string[] = [];
    for (let attempt = 0; attempt <= KILLS; attempt++) {
      const firstRequest = server.requests.length;
      const before = recordedLines(dir).length;
      const run = startCli([...common, '--out', out, '--cache', cache, ...(dir === undefined ? [] : ['--resume', dir])]);
      if (attempt < KILLS) trap = { attempt: run, at: 1 + Math.floor(random() * 8), seen: 0 };
      const exit = await run.exited;
      trap = undefined;
      expect(exit.signal ?? exit.code, run.stderr()).toBe(attempt < KILLS ? 'SIGKILL' : 0);
      const asked = server.requests.slice(firstRequest).filter(isGeneration).map((r) => keyOfPrompt.get(String(r.body['prompt'])));
      expect(asked.every((k) => k !== undefined)).toBe(true);
      // Nothing finished before the previous kill is asked again.
      expect(asked.filter((k) => finished.has(k as string))).toEqual([]);
      computedKeys.push(...(asked as string[]));
      if (attempt > 0) expectNothingRecomputed(run.stderr(), before, finished.size);
      dir = recordDir(out);
      if (attempt === 2) appendFileSync(join(dir as string, 'samples.jsonl'), '{"schema":"ernie-eval/sample-result@1","task":"gs'); // a torn write
      finished = new Set([...recordedLines(dir).map((l) => l.requestKey), ...cacheKeys(cache)]);
    }

    const final = await readRecord(dir as string);
    expectSameRecord(final, reference);
    // Every sample was computed; repeats are only requests a kill cut off before their answer was kept.
    expect(new Set(computedKeys).size).toBe(SAMPLES);
    expect(computedKeys.length).toBeLessThanOrEqual(SAMPLES + KILLS * CONCURRENCY);
    const resume = final.results?.resume;
    expect(resume === undefined ? 0 : resume.fromRecord + resume.fromCache + resume.computed).toBe(SAMPLES);
  });
});
