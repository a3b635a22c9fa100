// One finished request → the samples.jsonl line: the outcome, its score, and the sample it belongs to.
import { SAMPLE_RESULT_SCHEMA, toSampleError, type Outcome, type SampleResult } from '../core/index.ts';
import type { WorkItem } from './schedule.ts';

/** Async because a task may score asynchronously (`scoreAsync`: code run in a sandbox). */
export async function toSampleResult(work: WorkItem, outcome: Outcome): Promise<SampleResult> {
  const { task, item } = work;
  const base: SampleResult = {
    schema: SAMPLE_RESULT_SCHEMA,
    task: task.spec.id,
    taskVersion: task.spec.version,
    sampleId: item.sample.id,
    ...(item.sample.subset === undefined ? {} : { subset: item.sample.subset }),
    requestKey: item.request.key,
    requestKind: item.request.kind,
    prompt: item.promptText,
    target: item.sample.target,
    ...(item.sample.choices === undefined ? {} : { choices: item.sample.choices }),
    ...(item.request.kind === 'generate' && item.request.params.thinking !== undefined ? { thinking: item.request.params.thinking } : {}),
  };
  if (!outcome.ok) return { ...base, error: outcome.error, ...(outcome.error.retries === undefined ? {} : { retries: outcome.error.retries }) };
  const completion = outcome.completion;
  base.timing = completion.timing;
  base.tokens = completion.tokens;
  if (completion.retries !== undefined) base.retries = completion.retries;
  if (completion.images !== undefined) base.images = completion.images;
  if (completion.kind === 'loglikelihood') {
    base.completion = { logprobs: completion.logprobs, greedy: completion.greedy, continuationTokens: completion.continuationTokens };
  } else if (completion.kind === 'generate') {
    base.completion = { text: completion.text, finishReason: completion.finishReason, ...(completion.reasoning === undefined ? {} : { reasoning: completion.reasoning }) };
  }
  try {
    const { spec } = task;
    base.score = spec.scoreAsync === undefined ? spec.score(item.sample, completion) : await spec.scoreAsync(item.sample, completion);
  } catch (err) {
    // A scorer bug must not pass for a wrong answer: it is an error on the sample, with its code.
    base.error = { ...toSampleError(err), code: 'SCORING' };
  }
  return base;
}
