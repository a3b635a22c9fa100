// Worker-thread entry of the ONNX pool: each worker owns one onnxruntime session and answers the
// batches piscina hands it. The model opens on the first batch (workers start in parallel).
import { performance } from 'node:perf_hooks';
import { workerData } from 'piscina';
import { toSampleError, type Outcome, type Request } from '../core/index.ts';
import { OnnxModel } from '../model/index.ts';
import type { OnnxWorkerData } from './onnx-pool.ts';

const settings = workerData as OnnxWorkerData;
let model: Promise<OnnxModel> | undefined;

export interface WorkerTask {
  batch: Request[];
  /** Epoch ms when the runner handed the batch to the pool: queued time is measured from it. */
  submittedAt: number;
}

export default async function answerBatch(task: WorkerTask): Promise<Outcome[]> {
  const receivedAt = performance.timeOrigin + performance.now();
  model ??= OnnxModel.open(settings.modelDir, { dtype: settings.dtype, threads: settings.threads, maxBatchSize: settings.maxBatchSize });
  let opened: OnnxModel;
  try {
    opened = await model;
  } catch (err) {
    const error = toSampleError(err);
    return task.batch.map(() => ({ ok: false, error }));
  }
  const outcomes = await opened.answer(task.batch);
  const queuedMs = Math.max(0, receivedAt - task.submittedAt);
  for (const outcome of outcomes) if (outcome.ok) outcome.completion.timing.queuedMs = queuedMs;
  return outcomes;
}
