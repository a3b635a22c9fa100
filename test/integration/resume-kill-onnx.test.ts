// Crash and resume on the local ONNX backend: the real CLI is killed with SIGKILL at seeded random
// points (after a random number of new samples reached the record), resumed each time with
// --resume, and must end with the record an uninterrupted run writes. Every resumed attempt must
// take everything finished before the kill (record lines, cached answers) without recomputing it.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecord } from '../../src/store/index.ts';
import { freshTempDir, tinyModelDir } from '../support/tiny-models.ts';
import { cacheKeys, expectNothingRecomputed, expectSameRecord, gsm8kData, recordDir, recordedLines, seeded, startCli, waitFor } from './resume-kill-support.ts';

const SAMPLES = 40;
const KILLS = 5;

describe('SIGKILL and --resume, ONNX backend', () => {
  it(`survives ${KILLS} kills at random points and ends with the uninterrupted run's record`, async () => {
    const data = gsm8kData(SAMPLES);
    const model = await tinyModelDir('ernie4_5');
    const common = ['run', '--tasks', 'gsm8k', '--data-dir', data, '--model', model, '--workers', '2', '--batch-size', '1'];

    const refOut = freshTempDir();
    const ref = startCli([...common, '--out', refOut, '--no-cache']);
    expect((await ref.exited).code).toBe(0);
    const reference = await readRecord(recordDir(refOut) as string);

    const out = freshTempDir();
    const cache = join(freshTempDir(), 'responses.sqlite');
    const random = seeded(8);
    let dir: string | undefined;
    let finished = new Set<string>(); // request keys answered before the latest kill
    let kills = 0;
    for (let attempt = 0; attempt <= KILLS; attempt++) {
      const run = startCli([...common, '--out', out, '--cache', cache, ...(dir === undefined ? [] : ['--resume', dir])]);
      const before = recordedLines(dir).length;
      if (attempt < KILLS) {
        const target = Math.min(SAMPLES - 1, before + 1 + Math.floor(random() * 5));
        await waitFor(() => recordedLines(recordDir(out)).length >= target, 50_000);
        run.child.kill('SIGKILL');
        expect((await run.exited).signal).toBe('SIGKILL');
        kills++;
      } else {
        expect((await run.exited).code).toBe(0);
      }
      if (attempt > 0) expectNothingRecomputed(run.stderr(), before, finished.size);
      dir = recordDir(out);
      if (attempt === 1) appendFileSync(join(dir as string, 'samples.jsonl'), '{"schema":"ernie-eval/sample-re'); // a torn write
      finished = new Set([...recordedLines(dir).map((l) => l.requestKey), ...cacheKeys(cache)]);
    }
    expect(kills).toBe(KILLS);

    const final = await readRecord(dir as string);
    expectSameRecord(final, reference);
    const resume = final.results?.resume;
    expect(resume === undefined ? 0 : resume.fromRecord + resume.fromCache + resume.computed).toBe(SAMPLES);
    // The torn write after the second attempt was cut off, not parsed, when the third resumed it.
    expect(recordedLines(dir)).toHaveLength(SAMPLES);
  });
});
