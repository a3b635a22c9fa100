import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RESULTS_CSV_COLUMNS, writeResultsCsv } from '../../../src/report/index.ts';
import { buildResultsFile } from '../../../src/runner/index.ts';
import { errored, scored, toySpec } from '../store/record-fixture.ts';

const results = buildResultsFile({
  runId: 'run-1',
  status: 'complete',
  startedAt: new Date('2026-11-28T20:30:15Z'),
  endedAt: new Date('2026-11-28T20:31:15Z'),
  tasks: [
    {
      spec: { ...toySpec, id: 'mmlu-toy', macroOverSubsets: true },
      samples: [scored('1', 1, { task: 'mmlu-toy', subset: 'a, "quoted"' }), scored('2', 0, { task: 'mmlu-toy', subset: 'b' }), errored('3', { task: 'mmlu-toy', subset: 'b' })],
    },
    { spec: toySpec, samples: [scored('1', 1), scored('2', 1)] },
  ],
});

describe('writeResultsCsv', () => {
  it('writes a header and one row per task/scope/subset/metric that parse back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ernie-eval-csv-'));
    try {
      const file = join(dir, 'results.csv');
      await writeResultsCsv(file, results);
      expect(await readdir(dir)).toEqual(['results.csv']);
      const rows = parse(await readFile(file, 'utf8'), { columns: true }) as Record<string, string>[];
      const header = (await readFile(file, 'utf8')).split('\n')[0];
      expect(header).toBe(RESULTS_CSV_COLUMNS.join(','));
      // mmlu-toy: overall + macro + 2 subsets; toy: overall. One metric each.
      expect(rows).toHaveLength(5);
      expect(rows.map((r) => [r['task'], r['scope'], r['subset']])).toEqual([
        ['mmlu-toy', 'overall', ''],
        ['mmlu-toy', 'macro', ''],
        ['mmlu-toy', 'subset', 'a, "quoted"'],
        ['mmlu-toy', 'subset', 'b'],
        ['toy', 'overall', ''],
      ]);
      const overall = rows[0]!;
      expect(Number(overall['value'])).toBeCloseTo(1 / 3, 12);
      expect(overall).toMatchObject({ metric: 'acc', primary: 'true', higher_is_better: 'true', n: '3', coverage_total: '3', coverage_errored: '1', coverage_extracted: '1' });
      expect(Number(overall['samples_per_s'])).toBeGreaterThan(0);
      expect(rows[1]!['coverage_total']).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
