// The run loop (DESIGN.md §4 steps 3–7): check capabilities, batch, keep `concurrency` batches in
// flight, score each outcome as it arrives, append it to the record, and finish with metrics,
// coverage and efficiency. Stopping (Ctrl-C, error budget) keeps everything already recorded.
import { toSampleError, type Backend, type Outcome, type ResultsFile, type RunStatus, type SampleResult } from '../core/index.ts';
import type { RecordWriter } from '../store/index.ts';
import type { PreparedTask } from '../task/index.ts';
import { buildResultsFile } from './build-results.ts';
import { checkCapabilities } from './capabilities.ts';
import { resolveEfficiencyContext, type EfficiencyOverride } from './efficiency-context.ts';
import { createProgress, type Progress } from './progress.ts';
import { toSampleResult } from './sample-result.ts';
import { makeBatches, type Batch } from './schedule.ts';

export interface EvaluationInput {
  tasks: PreparedTask[];
  backend: Backend;
  writer: RecordWriter;
  /** Abort to stop: no new batch starts; batches in flight finish and are recorded (a backend that can cancel may drop them). */
  signal?: AbortSignal;
  /** Stop the run once more than this many samples have failed. */
  maxErrors?: number;
  progress?: Progress;
  /** Model config / serving hardware for FLOPs and MFU when the backend cannot tell (remote endpoints). */
  efficiency?: EfficiencyOverride;
}

export interface EvaluationOutput {
  results: ResultsFile;
  /** The recorded samples without their prompts (kept small in memory). */
  samples: SampleResult[];
  /** Why the run stopped early, when it did. */
  stopReason?: string;
}

function tokensOf(outcome: Outcome): number {
  return outcome.ok ? outcome.completion.tokens.prompt + outcome.completion.tokens.generated : 0;
}

export async function runEvaluation(input: EvaluationInput): Promise<EvaluationOutput> {
  const { tasks, backend, writer } = input;
  checkCapabilities(tasks, backend);
  const batches = makeBatches(tasks, backend);
  const progress = input.progress ?? createProgress();
  const samples: SampleResult[] = [];
  const startedAt = new Date();
  let status: RunStatus = 'complete';
  let stopReason: string | undefined;
  let errors = 0;
  const stop = new AbortController();
  const onAbort = () => {
    if (status === 'complete') status = 'interrupted';
    stopReason ??= 'interrupted';
    stop.abort();
  };
  input.signal?.addEventListener('abort', onAbort, { once: true });
  if (input.signal?.aborted) onAbort();

  const record = async (batch: Batch, outcomes: Outcome[]) => {
    for (const [i, work] of batch.items.entries()) {
      const outcome = outcomes[i] ?? { ok: false as const, error: { code: 'INTERNAL', message: 'backend returned no outcome for this request', retryable: false } };
      const result = toSampleResult(work, outcome);
      await writer.append(result);
      const { prompt: _prompt, ...light } = result;
      samples.push({ ...light, prompt: '' });
      if (result.error !== undefined) errors++;
      progress.advance(1, tokensOf(outcome));
    }
    if (input.maxErrors !== undefined && errors > input.maxErrors && status === 'complete') {
      status = 'aborted';
      stopReason = `more than ${input.maxErrors} samples failed (last: ${samples.findLast((s) => s.error)?.error?.message ?? 'unknown'})`;
      stop.abort();
    }
  };

  let next = 0;
  const lane = async () => {
    while (next < batches.length && !stop.signal.aborted) {
      const batch = batches[next++] as Batch;
      let outcomes: Outcome[];
      try {
        outcomes = await backend.answer(
          batch.items.map((w) => w.item.request),
          stop.signal,
        );
      } catch (err) {
        if (stop.signal.aborted) return; // cancelled, not failed: a resumed run will redo it
        const error = toSampleError(err);
        outcomes = batch.items.map(() => ({ ok: false, error }));
      }
      await record(batch, outcomes); // finished work is kept, even when the run is stopping
    }
  };

  progress.start(batches.reduce((n, b) => n + b.items.length, 0));
  try {
    await Promise.all(Array.from({ length: Math.max(1, backend.concurrency) }, lane));
  } finally {
    progress.finish();
    input.signal?.removeEventListener('abort', onAbort);
  }
  await writer.flush();

  const results: ResultsFile = buildResultsFile({
    runId: writer.manifest.runId,
    status,
    startedAt,
    endedAt: new Date(),
    // Tasks with no finished sample (an interrupted run) are left out rather than shown as 0.
    tasks: tasks.map((t) => ({ spec: t.spec, samples: samples.filter((s) => s.task === t.spec.id) })).filter((t) => t.samples.length > 0),
    efficiency: resolveEfficiencyContext(backend, input.efficiency),
  });
  await writer.finish(results);
  return stopReason === undefined ? { results, samples } : { results, samples, stopReason };
}
