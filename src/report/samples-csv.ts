// samples.csv: one row per sample of samples.jsonl, for spreadsheets and quick greps. Holds what a
// reviewer needs to judge a sample (output, extracted answer, target, error) and its timing; the
// rendered prompt is left out (few-shot prompts repeat kilobytes of shots on every row) and only
// its length is given. Rows keep the record's order, so the file streams out in one pass. A row is
// one record line: (task, sample_id, repeat) names it (`repeat` is set by --repeats N); a
// multi-turn sample's row gives its turn count, and its output is the last turn's.
import { stringify } from 'csv-stringify/sync';
import type { ResultsFile, SampleResult } from '../core/index.ts';
import { writeFileAtomic } from '../store/index.ts';

export const SAMPLES_CSV_COLUMNS = [
  'task',
  'task_version',
  'sample_id',
  'repeat',
  'subset',
  'primary_metric',
  'primary_value',
  'correct',
  'extracted',
  'target',
  'turns',
  'output',
  'reasoning',
  'finish_reason',
  'error_code',
  'error_message',
  'prompt_chars',
  'prompt_tokens',
  'generated_tokens',
  'total_ms',
  'ttft_ms',
  'scores_json',
] as const;

type Row = Record<(typeof SAMPLES_CSV_COLUMNS)[number], string | number | null>;

/** The metric that decides "correct" for a task: results.json's primary metric, else the first score. */
export function primaryMetricOf(results: ResultsFile | null, s: SampleResult): string | undefined {
  return results?.tasks[s.task]?.primaryMetric ?? Object.keys(s.score?.values ?? {})[0];
}

/** First non-null extracted answer (the primary filter comes first in the tasks' scorers). */
function extractedOf(s: SampleResult): string | null {
  for (const v of Object.values(s.score?.extracted ?? {})) if (v !== null) return v;
  return null;
}

export function sampleCsvRow(results: ResultsFile | null, s: SampleResult): Row {
  const metric = primaryMetricOf(results, s);
  const value = metric === undefined ? undefined : s.score?.values[metric];
  return {
    task: s.task,
    task_version: s.taskVersion,
    sample_id: s.sampleId,
    repeat: s.repeat ?? null,
    subset: s.subset ?? null,
    primary_metric: metric ?? null,
    primary_value: value ?? null,
    correct: s.error !== undefined ? 'error' : value === undefined ? null : value === 1 ? 'true' : value === 0 ? 'false' : null,
    extracted: extractedOf(s),
    target: s.target,
    turns: s.turns?.length ?? null,
    output: s.completion?.text ?? null,
    reasoning: s.completion?.reasoning ?? null,
    finish_reason: s.completion?.finishReason ?? null,
    error_code: s.error?.code ?? null,
    error_message: s.error?.message ?? null,
    prompt_chars: s.prompt.length,
    prompt_tokens: s.tokens?.prompt ?? null,
    generated_tokens: s.tokens?.generated ?? null,
    total_ms: s.timing?.totalMs ?? null,
    ttft_ms: s.timing?.ttftMs ?? null,
    scores_json: s.score === undefined ? null : JSON.stringify(s.score.values),
  };
}

export function samplesCsv(results: ResultsFile | null, samples: readonly SampleResult[]): string {
  // Chunks keep csv-stringify's per-call buffers small on 100,000-sample records.
  const chunks: string[] = [stringify([], { header: true, columns: [...SAMPLES_CSV_COLUMNS] })];
  const step = 5000;
  for (let i = 0; i < samples.length; i += step) {
    chunks.push(stringify(samples.slice(i, i + step).map((s) => sampleCsvRow(results, s)), { columns: [...SAMPLES_CSV_COLUMNS] }));
  }
  return chunks.join('');
}

export async function writeSamplesCsv(file: string, results: ResultsFile | null, samples: readonly SampleResult[]): Promise<void> {
  await writeFileAtomic(file, samplesCsv(results, samples));
}
