// One finished request → the samples.jsonl line: the outcome, its score, and the sample it belongs to.
import { SAMPLE_RESULT_SCHEMA, toSampleError, type Completion, type Outcome, type SampleResult, type Score } from '../core/index.ts';
import type { WorkItem } from './schedule.ts';

/** The line's fields that come from the sample and its (first) request, before any answer. */
export function sampleBase(work: WorkItem): SampleResult {
  const { task, item } = work;
  return {
    schema: SAMPLE_RESULT_SCHEMA,
    task: task.spec.id,
    taskVersion: task.spec.version,
    sampleId: item.sample.id,
    ...(item.repeat === undefined ? {} : { repeat: item.repeat }),
    ...(item.sample.subset === undefined ? {} : { subset: item.sample.subset }),
    requestKey: item.request.key,
    requestKind: item.request.kind,
    prompt: item.promptText,
    target: item.sample.target,
    ...(item.sample.choices === undefined ? {} : { choices: item.sample.choices }),
    ...(item.request.kind === 'generate' && item.request.params.thinking !== undefined ? { thinking: item.request.params.thinking } : {}),
  };
}

/** What the record keeps of a completion (no timing: that has its own field). */
export function completionFields(completion: Completion): SampleResult['completion'] {
  if (completion.kind === 'loglikelihood') return { logprobs: completion.logprobs, greedy: completion.greedy, continuationTokens: completion.continuationTokens };
  if (completion.kind === 'generate') return { text: completion.text, finishReason: completion.finishReason, ...(completion.reasoning === undefined ? {} : { reasoning: completion.reasoning }) };
  return undefined;
}

/** Score with the task's scorer; a scorer that throws is an error on the sample, not a wrong answer. */
export async function scoreSafely(result: SampleResult, scoring: () => Score | Promise<Score>): Promise<void> {
  try {
    result.score = await scoring();
  } catch (err) {
    // A scorer bug must not pass for a wrong answer: it is an error on the sample, with its code.
    result.error = { ...toSampleError(err), code: 'SCORING' };
  }
}

/** Async because a task may score asynchronously (`scoreAsync`: code run in a sandbox). */
export async function toSampleResult(work: WorkItem, outcome: Outcome): Promise<SampleResult> {
  const { task, item } = work;
  const base = sampleBase(work);
  if (!outcome.ok) return { ...base, error: outcome.error, ...(outcome.error.retries === undefined ? {} : { retries: outcome.error.retries }) };
  const completion = outcome.completion;
  base.timing = completion.timing;
  base.tokens = completion.tokens;
  if (completion.retries !== undefined) base.retries = completion.retries;
  if (completion.images !== undefined) base.images = completion.images;
  const fields = completionFields(completion);
  if (fields !== undefined) base.completion = fields;
  const { spec } = task;
  await scoreSafely(base, () => (spec.scoreAsync === undefined ? spec.score(item.sample, completion) : spec.scoreAsync(item.sample, completion)));
  return base;
}
