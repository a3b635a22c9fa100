// The run loop (DESIGN.md §4 steps 3–7): check capabilities, batch, keep `concurrency` batches in
// flight, score each outcome as it arrives, append it to the record, and finish with metrics,
// coverage and efficiency. Stopping (Ctrl-C, error budget) keeps everything already recorded.
// Resuming: samples already in the record are not run again, and requests the response cache has
// answered (same backend fingerprint, same request key) are taken from it without inference.
// Repeated samples (`--repeats`) are simply more items, one per repeat; multi-turn samples
// (TaskSpec.followUp) carry on turn by turn after their first answer (conversation.ts).
import { HarnessError, toSampleError, type Backend, type Outcome, type ResultsFile, type ResumeCounts, type RunStatus, type SampleResult } from '../core/index.ts';
import { sampleIdentity, type RecordWriter, type ResponseLookup } from '../store/index.ts';
import type { PreparedItem, PreparedTask } from '../task/index.ts';
import { exceededBudget, type ErrorBudget } from './error-budget.ts';
import { buildResultsFile } from './build-results.ts';
import { checkCapabilities } from './capabilities.ts';
import { continueConversations, conversationResult, isConversation, type Conversation, type ConversationIo } from './conversation.ts';
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
  /** Stop the run once more than this many samples have failed (`errorBudget` takes precedence). */
  maxErrors?: number;
  /** `--max-errors N|P%` (error-budget.ts). */
  errorBudget?: ErrorBudget;
  /** Samples the record already holds (`--resume`): counted in the results, never run again. */
  resumed?: readonly SampleResult[];
  /** The response cache bound to this backend's fingerprint: consulted before dispatch, fed with successful answers. */
  cache?: ResponseLookup;
  /** Told, before the first request, how many samples come from the record and the cache and how many are left to compute. */
  onPlan?: (plan: { fromRecord: number; fromCache: number; toCompute: number }) => void;
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

function light(result: SampleResult): SampleResult {
  const { prompt: _prompt, ...rest } = result;
  return { ...rest, prompt: '', ...(rest.turns === undefined ? {} : { turns: rest.turns.map((t) => ({ ...t, prompt: '' })) }) };
}

/** Items of each task not yet in the record; refuses a record whose sample was asked another request. */
function pendingWork(tasks: PreparedTask[], resumed: readonly SampleResult[]): PreparedTask[] {
  const done = new Map(resumed.map((s) => [sampleIdentity(s), s]));
  const known = new Set<string>();
  const pending = tasks.map((t) => ({
    ...t,
    items: t.items.filter((item) => {
      const id = sampleIdentity({ task: t.spec.id, sampleId: item.sample.id, ...(item.repeat === undefined ? {} : { repeat: item.repeat }) });
      known.add(id);
      const previous = done.get(id);
      if (previous !== undefined && previous.requestKey !== item.request.key) {
        throw new HarnessError('USAGE', `--resume: the record's ${t.spec.id} sample "${item.sample.id}"${item.repeat === undefined ? '' : ` (repeat ${item.repeat})`} was asked a different request (key ${previous.requestKey}, now ${item.request.key}): the data or the task changed since; start a new run`);
      }
      return previous === undefined;
    }),
  }));
  const foreign = resumed.find((s) => !known.has(sampleIdentity(s)));
  if (foreign !== undefined) throw new HarnessError('USAGE', `--resume: the record holds ${foreign.task} sample "${foreign.sampleId}"${foreign.repeat === undefined ? '' : ` (repeat ${foreign.repeat})`}, which this run does not have: the data changed since; start a new run`);
  return pending;
}

export async function runEvaluation(input: EvaluationInput): Promise<EvaluationOutput> {
  const { backend, writer } = input;
  const resumed = input.resumed ?? [];
  checkCapabilities(input.tasks, backend);
  const tasks = pendingWork(input.tasks, resumed);
  const total = resumed.length + tasks.reduce((n, t) => n + t.items.length, 0);
  const budget: ErrorBudget | undefined = input.errorBudget ?? (input.maxErrors === undefined ? undefined : { kind: 'count', max: input.maxErrors });
  const progress = input.progress ?? createProgress();
  const samples: SampleResult[] = resumed.map(light);
  const counts: ResumeCounts = { fromRecord: resumed.length, fromCache: 0, computed: 0 };
  const startedAt = new Date();
  let status: RunStatus = 'complete';
  let stopReason: string | undefined;
  let errors = samples.filter((s) => s.error !== undefined).length;
  let cache = input.cache;
  const stop = new AbortController();
  const onAbort = () => {
    if (status === 'complete') status = 'interrupted';
    stopReason ??= 'interrupted';
    stop.abort();
  };
  input.signal?.addEventListener('abort', onAbort, { once: true });
  if (input.signal?.aborted) onAbort();

  const checkBudget = () => {
    const exceeded = exceededBudget(budget, errors, samples.length, total);
    if (exceeded !== undefined && status === 'complete') {
      status = 'aborted';
      stopReason = `${exceeded} (last: ${samples.findLast((s) => s.error)?.error?.message ?? 'unknown'})`;
      stop.abort();
    }
  };
  const keep = async (result: SampleResult) => {
    await writer.append(result);
    samples.push(light(result));
    if (result.error !== undefined) errors++;
  };
  const remember = (key: string, outcome: Outcome) => {
    if (cache === undefined || !outcome.ok) return; // failures are never cached: a retry may succeed
    try {
      cache.put(key, outcome.completion);
    } catch {
      // The cache only saves work; a full disk or a locked file must not fail the run. Stop using it.
      cache = undefined;
    }
  };
  /** The backend's answers to a batch of requests; null when the run stopped while they were asked. */
  const send = async (items: PreparedItem[]): Promise<Outcome[] | null> => {
    if (stop.signal.aborted) return null;
    try {
      return await backend.answer(items.map((item) => item.request), stop.signal);
    } catch (err) {
      if (stop.signal.aborted) return null; // cancelled, not failed: a resumed run will redo it
      const error = toSampleError(err);
      return items.map(() => ({ ok: false, error }));
    }
  };
  const conversationIo = (online: boolean): ConversationIo => ({
    lookup: (key) => (cache === undefined ? undefined : cache.get(key)),
    send: online ? send : async () => null,
    remember,
  });
  const keepConversation = async (c: Conversation) => {
    const result = await conversationResult(c);
    await keep(result);
    if (result.cached === true) counts.fromCache++;
    else counts.computed++;
    progress.advance(1, result.cached === true ? 0 : (result.tokens?.prompt ?? 0) + (result.tokens?.generated ?? 0));
  };
  const record = async (batch: Batch, outcomes: Outcome[]) => {
    const conversations: Conversation[] = [];
    for (const [i, work] of batch.items.entries()) {
      const outcome = outcomes[i] ?? { ok: false as const, error: { code: 'INTERNAL', message: 'backend returned no outcome for this request', retryable: false } };
      // Cache before the record line: a kill between the two leaves the answer reusable either way.
      remember(work.item.request.key, outcome);
      if (isConversation(work)) {
        conversations.push({ work, turns: [{ item: work.item, outcome, cached: false }] });
        continue;
      }
      await keep(await toSampleResult(work, outcome));
      counts.computed++;
      progress.advance(1, tokensOf(outcome));
    }
    // Multi-turn samples ask their next turns now; those a stopping run cut short are not recorded
    // (their answered turns are in the cache for a resumed run).
    const { finished } = conversations.length === 0 ? { finished: [] } : await continueConversations(conversations, conversationIo(true));
    for (const c of finished) await keepConversation(c);
    checkBudget();
  };
  /** Answers the cache holds are recorded now, without inference; the rest is left to the backend. */
  const fromCache = async (): Promise<PreparedTask[]> => {
    if (cache === undefined) return tasks;
    const left: PreparedTask[] = [];
    for (const task of tasks) {
      const items = [];
      for (const item of task.items) {
        const completion = stop.signal.aborted ? undefined : cache.get(item.request.key);
        if (completion === undefined) {
          items.push(item);
          continue;
        }
        const work = { task, item };
        if (isConversation(work)) {
          // Recorded from the cache only when every turn is there; otherwise asked again from turn 1.
          const { finished } = await continueConversations([{ work, turns: [{ item, outcome: { ok: true, completion }, cached: true }] }], conversationIo(false));
          if (finished[0] === undefined) items.push(item);
          else await keepConversation(finished[0]);
          continue;
        }
        // The line keeps the timing of the request that produced the answer (as a resumed record's
        // lines do): accuracy and efficiency stay those of the same requests; `cached` says it was
        // not measured in this run.
        await keep({ ...(await toSampleResult({ task, item }, { ok: true, completion })), cached: true });
        counts.fromCache++;
        progress.advance(1, 0);
      }
      left.push({ ...task, items });
    }
    checkBudget();
    return left;
  };

  let next = 0;
  const lane = async () => {
    while (next < batches.length && !stop.signal.aborted) {
      const batch = batches[next++] as Batch;
      const outcomes = await send(batch.items.map((w) => w.item));
      if (outcomes === null) return;
      await record(batch, outcomes); // finished work is kept, even when the run is stopping
    }
  };

  progress.start(total - resumed.length);
  let batches: Batch[] = [];
  try {
    checkBudget(); // a resumed record may already be over budget
    batches = makeBatches(await fromCache(), backend);
    input.onPlan?.({ fromRecord: counts.fromRecord, fromCache: counts.fromCache, toCompute: batches.reduce((n, b) => n + b.items.length, 0) });
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
  results.resume = counts;
  await writer.finish(results);
  return stopReason === undefined ? { results, samples } : { results, samples, stopReason };
}
