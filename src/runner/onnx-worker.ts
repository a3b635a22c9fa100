// Worker-thread entry of the ONNX pool: each worker owns one onnxruntime session and answers the
// batches piscina hands it. The model opens on the first batch (workers start in parallel).
import { performance } from 'node:perf_hooks';
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'piscina';
import { toSampleError, type Outcome, type Request, type SampleError } from '../core/index.ts';
import { OnnxModel } from '../model/index.ts';
import type { OnnxWorkerData, ProgressMessage } from './onnx-pool.ts';

const settings = workerData as OnnxWorkerData;
let model: Promise<OnnxModel> | undefined;

export type WorkerTask = { kind: 'open' } | BatchTask;

export interface BatchTask {
  kind: 'batch';
  batch: Request[];
  /** Epoch ms when the runner handed the batch to the pool: queued time is measured from it. */
  submittedAt: number;
  /** Streaming: each generated token is posted here, then `end` once the batch is answered. */
  progress?: MessagePort;
}

function openModel(): Promise<OnnxModel> {
  model ??= OnnxModel.open(settings.modelDir, { dtype: settings.dtype, threads: settings.threads, maxBatchSize: settings.maxBatchSize, fingerprint: settings.fingerprint });
  return model;
}

/** `open` loads the session ahead of the first batch (so load time is not request time) and reports a broken model as data. */
export default async function handle(task: WorkerTask): Promise<Outcome[] | { ok: true } | { ok: false; error: SampleError }> {
  if (task.kind === 'open') {
    try {
      await openModel();
      return { ok: true };
    } catch (err) {
      return { ok: false, error: toSampleError(err) };
    }
  }
  return answerBatch(task);
}

async function answerBatch(task: BatchTask): Promise<Outcome[]> {
  const receivedAt = performance.timeOrigin + performance.now();
  const pending = openModel();
  let opened: OnnxModel;
  try {
    opened = await pending;
  } catch (err) {
    const error = toSampleError(err);
    task.progress?.postMessage({ kind: 'end' } satisfies ProgressMessage);
    task.progress?.close();
    return task.batch.map(() => ({ ok: false, error }));
  }
  const port = task.progress;
  const post = (message: ProgressMessage) => port?.postMessage(message);
  let outcomes: Outcome[];
  try {
    outcomes = await opened.answer(
      task.batch,
      undefined,
      port === undefined ? {} : { onToken: (index, text, generated) => post({ kind: 'token', index, text, generated, at: performance.timeOrigin + performance.now() }) },
    );
  } finally {
    post({ kind: 'end' });
    port?.close();
  }
  const queuedMs = Math.max(0, receivedAt - task.submittedAt);
  for (const outcome of outcomes) if (outcome.ok) outcome.completion.timing.queuedMs = queuedMs;
  return outcomes;
}
