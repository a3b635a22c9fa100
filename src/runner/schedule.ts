// Order and batch the work: one kind of request per batch. Two orders, chosen by the backend:
// - longest first (local batching): padded batches are tight (neighbours have similar lengths),
//   out-of-memory failures surface in the first seconds rather than the last, the ETA only improves;
// - shared prefix (a server with a prefix cache): requests sorted by their prompt, so those sharing a
//   few-shot header, a subject's shots or an image are sent one after another, while the server
//   still holds that prefix in its cache.
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

export function makeBatches(tasks: PreparedTask[], backend: Backend): Batch[] {
  const sharedPrefix = backend.preferredOrder === 'shared-prefix';
  const work: { work: WorkItem; length: number; key: string; order: number }[] = [];
  for (const task of tasks) for (const item of task.items) work.push({ work: { task, item }, length: 0, key: '', order: work.length });
  for (const entry of work) {
    if (sharedPrefix) entry.key = sharedPrefixKey(entry.work.item.request);
    else entry.length = lengthOf(entry.work);
  }
  const byPrefix = (a: (typeof work)[number], b: (typeof work)[number]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order);
  const byLength = (a: (typeof work)[number], b: (typeof work)[number]) => b.length - a.length || a.order - b.order;
  const batches: Batch[] = [];
  for (const kind of ['generate', 'loglikelihood'] as const) {
    // Generation first: it is the slow part, so the pool's workers start on it while the ETA is honest.
    const ofKind = work.filter((w) => w.work.item.request.kind === kind).sort(sharedPrefix ? byPrefix : byLength);
    for (let i = 0; i < ofKind.length; i += backend.maxBatchSize) {
      batches.push({ items: ofKind.slice(i, i + backend.maxBatchSize).map((w) => w.work) });
    }
  }
  return batches;
}
