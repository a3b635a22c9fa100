// Requests that arrive together share forward passes: each request waits at most `windowMs` for
// others to join it, up to the backend's batch size, and at most `concurrency` batches (one per
// worker) are in flight. Requests that arrive while every worker is busy queue up and leave as one
// batch as soon as a worker frees up, without waiting for the window again.
import type { Outcome, Request } from '../core/index.ts';
import { nowMs } from './clock.ts';

/** A generated token as a worker reports it: the request's whole text so far. */
export interface TokenProgress {
  text: string;
  generated: number;
  /** Epoch ms when the worker accepted the token. */
  at: number;
}

/** What the server needs from a backend: OnnxPool provides it. */
export interface StreamingBackend {
  readonly maxBatchSize: number;
  readonly concurrency: number;
  /** Whether the model takes images; the server refuses image parts otherwise. */
  readonly capabilities?: { images: boolean };
  answerStreaming(batch: Request[], onToken: (event: TokenProgress & { index: number }) => void): Promise<Outcome[]>;
}

export interface Answered {
  outcome: Outcome;
  /** How many requests shared the batch. */
  batchSize: number;
  /** Epoch ms when the batch left for a worker. */
  dispatchedAt: number;
}

interface Pending {
  request: Request;
  onToken: ((progress: TokenProgress) => void) | undefined;
  resolve: (answered: Answered) => void;
}

export class BatchCollector {
  private readonly backend: StreamingBackend;
  private readonly windowMs: number;
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private idle: (() => void)[] = [];

  constructor(backend: StreamingBackend, options: { windowMs?: number } = {}) {
    this.backend = backend;
    this.windowMs = options.windowMs ?? 5;
  }

  /** Answer one request; never rejects (a failure is an error outcome). */
  submit(request: Request, onToken?: (progress: TokenProgress) => void): Promise<Answered> {
    return new Promise((resolve) => {
      this.queue.push({ request, onToken, resolve });
      this.schedule(false);
    });
  }

  /** Resolves once nothing is queued or in flight. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(workerJustFreed: boolean): void {
    if (this.queue.length === 0) {
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
      return;
    }
    if (this.inFlight >= Math.max(1, this.backend.concurrency)) return;
    if (workerJustFreed || this.queue.length >= this.backend.maxBatchSize) {
      this.dispatch();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.dispatch();
    }, this.windowMs);
  }

  /** Send up to one batch of the first queued request's kind (kinds batch separately, as in the runner). */
  private dispatch(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const first = this.queue[0];
    if (first === undefined || this.inFlight >= Math.max(1, this.backend.concurrency)) return;
    const batch: Pending[] = [];
    for (let i = 0; i < this.queue.length && batch.length < this.backend.maxBatchSize; ) {
      const pending = this.queue[i] as Pending;
      if (pending.request.kind === first.request.kind) {
        batch.push(pending);
        this.queue.splice(i, 1);
      } else i++;
    }
    this.inFlight++;
    const dispatchedAt = nowMs();
    this.backend
      .answerStreaming(
        batch.map((p) => p.request),
        (event) => batch[event.index]?.onToken?.({ text: event.text, generated: event.generated, at: event.at }),
      )
      .then(
        (outcomes) => batch.forEach((p, i) => p.resolve({ outcome: outcomes[i] ?? missing(), batchSize: batch.length, dispatchedAt })),
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          for (const p of batch) p.resolve({ outcome: { ok: false, error: { code: 'BACKEND', message, retryable: true } }, batchSize: batch.length, dispatchedAt });
        },
      )
      .finally(() => {
        this.inFlight--;
        this.schedule(true);
        // More than one batch may be waiting for the workers that are now free.
        while (this.queue.length > 0 && this.inFlight < Math.max(1, this.backend.concurrency)) this.dispatch();
      });
    if (this.queue.length > 0) this.schedule(false);
  }
}

function missing(): Outcome {
  return { ok: false, error: { code: 'INTERNAL', message: 'the backend returned no outcome for this request', retryable: false } };
}
