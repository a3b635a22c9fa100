// The ONNX backend as the runner uses it: a piscina pool of worker threads, each with its own
// onnxruntime session. The machine's cores are split between workers (intra-op threads) so that
// workers × threads never oversubscribes the CPU.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { HarnessError, type Backend, type BackendInfo, type Capabilities, type ErrorCode, type ModelDtype, type Outcome, type Request, type SampleError } from '../core/index.ts';
import { loadModelDir, onnxBackendInfo, onnxCapabilities, type ModelDir } from '../model/index.ts';
import { siblingModule, workerExecArgv } from './typescript-loader.ts';

export interface OnnxWorkerData {
  modelDir: string;
  dtype: ModelDtype;
  threads: number;
  maxBatchSize: number;
  /** Computed once here; workers reuse it instead of hashing the weights again. */
  fingerprint: string;
}

export interface OnnxPoolOptions {
  dtype?: ModelDtype;
  /** Worker threads; default: one per core, capped at 4 (more sessions mean more memory, little gain). */
  workers?: number;
  /** onnxruntime intra-op threads per worker; default: the cores split evenly between workers. */
  threadsPerWorker?: number;
  maxBatchSize?: number;
}

/** A generate request of a batch (by index) produced a token; `text` is its whole text so far. */
export interface TokenEvent {
  index: number;
  text: string;
  generated: number;
  /** Epoch ms when the worker accepted the token. */
  at: number;
}

/** What a worker posts on a streaming batch's port: tokens, then one `end` after the last. */
export type ProgressMessage = ({ kind: 'token' } & TokenEvent) | { kind: 'end' };

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export class OnnxPool implements Backend {
  readonly info: BackendInfo;
  readonly capabilities: Capabilities;
  readonly maxBatchSize: number;
  readonly concurrency: number;
  readonly threadsPerWorker: number;
  private readonly dir: ModelDir;
  private readonly pool: Piscina;

  constructor(modelDir: string, options: OnnxPoolOptions = {}) {
    // Validate the directory here, in the main thread: a broken model is one error before any worker starts.
    this.dir = loadModelDir(modelDir, options.dtype ?? 'fp32');
    this.info = onnxBackendInfo(this.dir);
    this.capabilities = onnxCapabilities(this.dir);
    this.maxBatchSize = options.maxBatchSize ?? 8;
    this.concurrency = Math.max(1, options.workers ?? defaultWorkerCount());
    this.threadsPerWorker = Math.max(1, options.threadsPerWorker ?? Math.floor(availableParallelism() / this.concurrency));
    this.info.details = { ...this.info.details, workers: this.concurrency, threadsPerWorker: this.threadsPerWorker };
    const workerFile = siblingModule(import.meta.url, 'onnx-worker');
    const data: OnnxWorkerData = { modelDir: this.dir.dir, dtype: this.dir.dtype, threads: this.threadsPerWorker, maxBatchSize: this.maxBatchSize, fingerprint: this.dir.fingerprint };
    this.pool = new Piscina({
      filename: workerFile.href,
      minThreads: this.concurrency,
      maxThreads: this.concurrency,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      execArgv: workerExecArgv(workerFile),
      workerData: data,
    });
  }

  /**
   * Load the model in every worker before the first request: a model that onnxruntime refuses
   * is one coded error here rather than an error on every sample, and load time stays out of
   * request timings (warm-up excluded).
   */
  async open(): Promise<void> {
    const replies = (await Promise.all(Array.from({ length: this.concurrency }, () => this.pool.run({ kind: 'open' })))) as ({ ok: true } | { ok: false; error: SampleError })[];
    const failed = replies.find((r): r is { ok: false; error: SampleError } => !r.ok);
    if (failed !== undefined) {
      await this.close();
      throw new HarnessError(failed.error.code as ErrorCode, failed.error.message);
    }
  }


  /**
   * The signal is deliberately not passed on: piscina cancels a running task by terminating its
   * worker, and terminating a thread inside session.run aborts the whole process in
   * onnxruntime-node (Napi::Error). A batch is short, so a stopping run waits for it and keeps it.
   */
  async answer(batch: Request[], _signal?: AbortSignal): Promise<Outcome[]> {
    const submittedAt = performance.timeOrigin + performance.now();
    return (await this.pool.run({ kind: 'batch', batch, submittedAt })) as Outcome[];
  }

  /**
   * `answer` with a callback per generated token, for streaming. Piscina workers cannot call back
   * into this thread, so the batch carries one end of a MessageChannel (transferred) and the worker
   * posts each token on it as it is accepted. The worker's `end` message is awaited as well as the
   * result, since messages on two ports have no order between them.
   */
  async answerStreaming(batch: Request[], onToken: (event: TokenEvent) => void): Promise<Outcome[]> {
    const submittedAt = performance.timeOrigin + performance.now();
    const { port1, port2 } = new MessageChannel();
    const ended = new Promise<void>((resolve) => {
      port1.on('message', (message: ProgressMessage) => {
        if (message.kind === 'end') resolve();
        else onToken({ index: message.index, text: message.text, generated: message.generated, at: message.at });
      });
    });
    try {
      const outcomes = (await this.pool.run({ kind: 'batch', batch, submittedAt, progress: port2 }, { transferList: [port2] })) as Outcome[];
      await ended;
      return outcomes;
    } finally {
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
