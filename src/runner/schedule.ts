// Order and batch the work: one kind of request per batch, longest first. Longest first makes the
// padded batches tight (neighbours have similar lengths), surfaces out-of-memory failures in the
// first seconds rather than the last, and lets the ETA only get better.
import type { Backend } from '../core/index.ts';
import type { PreparedItem, PreparedTask } from '../task/index.ts';

export interface WorkItem {
  task: PreparedTask;
  item: PreparedItem;
}

export interface Batch {
  items: WorkItem[];
}

function lengthOf(work: WorkItem, backend: Backend): number {
  const request = work.item.request;
  const text = request.kind === 'loglikelihood' ? request.context + request.continuations.join('') : work.item.promptText;
  return backend.countTokens === undefined ? text.length : backend.countTokens(text);
}

export function makeBatches(tasks: PreparedTask[], backend: Backend): Batch[] {
  const work: { work: WorkItem; length: number; order: number }[] = [];
  for (const task of tasks) for (const item of task.items) work.push({ work: { task, item }, length: 0, order: work.length });
  for (const entry of work) entry.length = lengthOf(entry.work, backend);
  const batches: Batch[] = [];
  for (const kind of ['generate', 'loglikelihood'] as const) {
    // Generation first: it is the slow part, so the pool's workers start on it while the ETA is honest.
    const ofKind = work.filter((w) => w.work.item.request.kind === kind).sort((a, b) => b.length - a.length || a.order - b.order);
    for (let i = 0; i < ofKind.length; i += backend.maxBatchSize) {
      batches.push({ items: ofKind.slice(i, i + backend.maxBatchSize).map((w) => w.work) });
    }
  }
  return batches;
}
