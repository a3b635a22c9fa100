// Order and batch the work: one kind of request per batch. Two orders, chosen by the backend:
// - longest first (local batching): padded batches are tight (neighbours have similar lengths),
//   out-of-memory failures surface in the first seconds rather than the last, the ETA only improves;
// - shared prefix (a server with a prefix cache): requests sorted by their prompt, so those sharing a
//   few-shot header, a subject's shots or an image are sent one after another, while the server
//   still holds that prefix in its cache.
// Either way no batch holds more than a share of the work (`BATCH_SHARE_OF_WORK`): a batch is the
// pool's unit of work, and MMLU's few long questions (12,000 characters beside a median of 1,800)
// made one batch of 8 half of an 80-question run, so one worker ran it while the other sat idle.
import type { Backend, ContentPart, TaskRequest } from '../core/index.ts';
import type { PreparedItem, PreparedTask } from '../task/index.ts';

export interface WorkItem {
  task: PreparedTask;
  item: PreparedItem;
}

export interface Batch {
  items: WorkItem[];
}

/**
 * Characters, not tokens: they order prompts as well as tokens do, and tokenizing every prompt in
 * the main thread before the first batch would hold a full MMLU run back by tens of seconds.
 */
function lengthOf(work: WorkItem): number {
  const request = work.item.request;
  return request.kind === 'loglikelihood' ? request.context.length + Math.max(...request.continuations.map((c) => c.length)) : work.item.promptText.length;
}

function partKey(part: ContentPart): string {
  if (part.type === 'text') return part.text;
  const source = part.source;
  // Images identify themselves by where they come from; two prompts with the same image sort together.
  const id = source.kind === 'path' ? source.path : source.kind === 'base64' ? source.data.slice(0, 96) : Buffer.from(source.bytes.subarray(0, 72)).toString('base64');
  return `\u0000image:${id}\u0000`;
}

/** The prompt as the server sees it, in order, for sorting by shared prefix. */
export function sharedPrefixKey(request: TaskRequest): string {
  if (request.kind === 'loglikelihood') return request.context + (request.continuations[0] ?? '');
  if (request.prompt.kind === 'text') return request.prompt.text;
  return request.prompt.messages.map((m) => `${m.role}\u0001${typeof m.content === 'string' ? m.content : m.content.map(partKey).join('')}\u0002`).join('');
}

/**
 * With several lanes, no batch (unless it is a single request) costs more than 1 /
 * (BATCH_SHARE_OF_WORK × lanes) of its kind's work, so that the lanes finish together; a batch of
 * `maxBatchSize` requests of the median length is always allowed, so only unusually long requests
 * are split off and short ones keep their batching. Cost is the length in characters: attention
 * makes long prompts dearer than that, so a long batch's real share is larger still.
 */
export const BATCH_SHARE_OF_WORK = 4;

function batchCostCap(lengths: number[], backend: Backend): number {
  if (backend.concurrency <= 1 || lengths.length === 0) return Infinity;
  const sorted = [...lengths].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  const total = lengths.reduce((sum, n) => sum + n, 0);
  return Math.max(total / (BATCH_SHARE_OF_WORK * backend.concurrency), backend.maxBatchSize * median);
}

export function makeBatches(tasks: PreparedTask[], backend: Backend): Batch[] {
  const sharedPrefix = backend.preferredOrder === 'shared-prefix';
  const work: { work: WorkItem; length: number; key: string; order: number }[] = [];
  for (const task of tasks) for (const item of task.items) work.push({ work: { task, item }, length: 0, key: '', order: work.length });
  for (const entry of work) {
    entry.length = lengthOf(entry.work);
    if (sharedPrefix) entry.key = sharedPrefixKey(entry.work.item.request);
  }
  const byPrefix = (a: (typeof work)[number], b: (typeof work)[number]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order);
  const byLength = (a: (typeof work)[number], b: (typeof work)[number]) => b.length - a.length || a.order - b.order;
  const batches: Batch[] = [];
  for (const kind of ['generate', 'loglikelihood'] as const) {
    // Generation first: it is the slow part, so the pool's workers start on it while the ETA is honest.
    const ofKind = work.filter((w) => w.work.item.request.kind === kind).sort(sharedPrefix ? byPrefix : byLength);
    const costCap = batchCostCap(ofKind.map((w) => w.length), backend);
    let items: WorkItem[] = [];
    let cost = 0;
    for (const entry of ofKind) {
      if (items.length > 0 && (items.length >= backend.maxBatchSize || cost + entry.length > costCap)) {
        batches.push({ items });
        items = [];
        cost = 0;
      }
      items.push(entry.work);
      cost += entry.length;
    }
    if (items.length > 0) batches.push({ items });
  }
  return batches;
}
