// Server-side timestamps of every request (epoch ms), kept for the last `capacity` requests, so a
// test can check what a client measured (TTFT, ITL, E2E) against what the server did. Exposed by
// `ServeHandle.requests()` and, when started with `debug`, by GET /debug/requests.

export interface ServedRequest {
  id: string;
  endpoint: '/v1/chat/completions' | '/v1/completions';
  stream: boolean;
  /** The request's body was fully read. */
  receivedAt: number;
  /** Its batch left for a worker. */
  dispatchedAt?: number;
  /** The worker accepted the first generated token. */
  firstTokenAt?: number;
  /** Streaming: when each content chunk was written to the socket (the first is TTFT as a client sees it). */
  chunkWrittenAt: number[];
  /** The response was complete (last byte written). */
  doneAt?: number;
  status?: number;
  batchSize?: number;
  promptTokens?: number;
  completionTokens?: number;
}

export class RequestLog {
  private readonly entries: ServedRequest[] = [];
  private readonly capacity: number;
  private counter = 0;

  constructor(capacity = 1000) {
    this.capacity = capacity;
  }

  start(endpoint: ServedRequest['endpoint'], stream: boolean, receivedAt: number): ServedRequest {
    const entry: ServedRequest = { id: `req-${++this.counter}`, endpoint, stream, receivedAt, chunkWrittenAt: [] };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    return entry;
  }

  /** Copies, oldest first. */
  list(): ServedRequest[] {
    return this.entries.map((e) => ({ ...e, chunkWrittenAt: [...e.chunkWrittenAt] }));
  }
}
