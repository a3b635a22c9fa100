// The one place where HTTP calls to an OpenAI-compatible server are made and retried (DESIGN.md §7:
// retries happen in exactly one layer). A call is one request *and* the reading of its whole body,
// so a stream cut in the middle is retried like a dropped connection. Retried: 429, 5xx, transport
// failures (reset, refused, premature close) and timeouts, with exponential backoff and full jitter,
// or exactly the server's Retry-After. Never retried: other 4xx, and a caller's abort.
// The API key travels only in the Authorization header and is scrubbed from every message.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { HarnessError } from '../../core/index.ts';

export interface RetryPolicy {
  /** Attempts beyond the first. */
  maxRetries: number;
  /** First backoff; doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured; a longer one is cut to this (a server asking for an hour would stall the run). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

export interface HttpClientOptions {
  /** Base URL including the API prefix, e.g. `http://127.0.0.1:8000/v1`. */
  baseUrl: string;
  apiKey?: string;
  /** Per-attempt limit, from sending the request to the last byte of its body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Most requests started per second (all attempts count); undefined: no limit. */
  requestRate?: number;
  /** Injected for tests: waiting between attempts, the clock for Retry-After dates, jitter. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Open sockets kept per host; at least the concurrency. */
  maxSockets?: number;
}

/** What a body reader sees: the live response of one attempt. */
export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: AsyncIterable<Buffer>;
  /** Epoch ms when the request was written (vLLM bench's `st`): where TTFT is measured from. */
  sentAt: number;
}

export interface CallResult<T> {
  value: T;
  /** Attempts beyond the first. */
  retries: number;
  /** Epoch ms when the successful attempt was sent. */
  sentAt: number;
  /** Epoch ms when the call was entered (before rate limiting and earlier attempts). */
  enteredAt: number;
}

/** A failed HTTP call. `status` is the last HTTP status seen (undefined for transport failures). */
export class HttpCallError extends HarnessError {
  readonly status: number | undefined;
  readonly retries: number;

  constructor(message: string, options: { status?: number; retries: number; retryable: boolean; cause?: unknown }) {
    super('BACKEND', message, { retryable: options.retryable, cause: options.cause });
    this.name = 'HttpCallError';
    this.status = options.status;
    this.retries = options.retries;
  }
}

/** Why one attempt failed, and whether another may succeed. */
class AttemptFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Thrown by a body reader when the body ended before it was complete (a stream cut mid-way). */
export class TruncatedBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TruncatedBodyError';
  }
}

// Transport failures worth another attempt, by error code (never by message text).
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET']);

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export class HttpClient {
  readonly baseUrl: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly agent: http.Agent;
  private readonly minIntervalMs: number;
  private nextStartAt = 0;

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/u, '');
    this.apiKey = options.apiKey === '' ? undefined : options.apiKey;
    this.timeoutMs = options.timeoutMs ?? 600_000;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? epochNow;
    this.random = options.random ?? Math.random;
    this.minIntervalMs = options.requestRate === undefined || options.requestRate <= 0 ? 0 : 1000 / options.requestRate;
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64 };
    this.agent = this.baseUrl.startsWith('https:') ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  /** Replace the key wherever it might appear (a server echoing headers in an error body). */
  redact(text: string): string {
    return this.apiKey === undefined ? text : text.split(this.apiKey).join('[redacted]');
  }

  /**
   * GET or POST `path` (relative to the base URL) and read the response with `read`, retrying the
   * whole exchange on retryable failures. `read` runs only for 2xx responses; it throws
   * TruncatedBodyError when the body ended early.
   */
  async call<T>(method: 'GET' | 'POST', path: string, body: unknown, read: (response: HttpResponse) => Promise<T>, signal?: AbortSignal): Promise<CallResult<T>> {
    const enteredAt = this.now();
    let retries = 0;
    for (;;) {
      if (signal?.aborted) throw new HarnessError('ABORTED', `${method} ${path} cancelled`);
      await this.waitForRateSlot(signal);
      const sentAt = this.now();
      try {
        const value = await this.attempt(method, path, body, read, signal);
        return { value, retries, sentAt, enteredAt };
      } catch (err) {
        if (signal?.aborted) throw new HarnessError('ABORTED', `${method} ${path} cancelled`, { cause: err });
        const failure = err instanceof AttemptFailure ? err : this.classify(err);
        if (!failure.retryable || retries >= this.retry.maxRetries) {
          const tries = retries === 0 ? '' : ` (after ${retries} ${retries === 1 ? 'retry' : 'retries'})`;
          throw new HttpCallError(this.redact(`${method} ${this.baseUrl}${path}: ${failure.message}${tries}`), {
            retries,
            retryable: failure.retryable,
            ...(failure.status === undefined ? {} : { status: failure.status }),
          });
        }
        await this.sleep(this.delayFor(retries, failure.retryAfterMs), signal).catch((e: unknown) => {
          throw new HarnessError('ABORTED', `${method} ${path} cancelled`, { cause: e });
        });
        retries++;
      }
    }
  }

  /** GET and parse JSON. */
  async getJson(path: string, signal?: AbortSignal): Promise<CallResult<unknown>> {
    return this.call('GET', path, undefined, readJson, signal);
  }

  /** POST a JSON body and parse the JSON answer. */
  async postJson(path: string, body: unknown, signal?: AbortSignal): Promise<CallResult<unknown>> {
    return this.call('POST', path, body, readJson, signal);
  }

  close(): void {
    this.agent.destroy();
  }

  /** Backoff before retry number `retries + 1`: the server's Retry-After, else full jitter. */
  delayFor(retries: number, retryAfterMs: number | undefined): number {
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, this.retry.maxRetryAfterMs);
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** retries);
    return Math.round(ceiling * this.random());
  }

  private async waitForRateSlot(signal?: AbortSignal): Promise<void> {
    if (this.minIntervalMs === 0) return;
    const now = this.now();
    const at = Math.max(now, this.nextStartAt);
    this.nextStartAt = at + this.minIntervalMs;
    if (at > now) await this.sleep(at - now, signal);
  }

  private classify(err: unknown): AttemptFailure {
    if (err instanceof TruncatedBodyError) return new AttemptFailure(err.message, true);
    if (err instanceof HarnessError) return new AttemptFailure(err.message, err.retryable);
    const code = errorCode(err);
    if (code !== undefined && RETRYABLE_CODES.has(code)) return new AttemptFailure(`connection failed (${code})`, true);
    const message = err instanceof Error ? err.message : String(err);
    return new AttemptFailure(code === undefined ? message : `${message} (${code})`, false);
  }

  private attempt<T>(method: 'GET' | 'POST', path: string, body: unknown, read: (response: HttpResponse) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const url = new URL(this.baseUrl + path);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json, text/event-stream' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (this.apiKey !== undefined) headers.authorization = `Bearer ${this.apiKey}`;
    const transport = url.protocol === 'https:' ? https : http;

    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const request = transport.request(url, { method, headers, agent: this.agent });
      // A hung server (headers or body never arriving) fails the attempt after timeoutMs.
      const timer = setTimeout(() => {
        const failure = new AttemptFailure(`no complete response within ${this.timeoutMs} ms (timeout)`, true);
        finish(() => reject(failure));
        request.destroy(failure);
      }, this.timeoutMs);
      const onAbort = () => {
        finish(() => reject(signal?.reason ?? new Error('aborted')));
        request.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (err) => finish(() => reject(err)));
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          collect(response)
            .then((text) => {
              const retryable = status === 429 || status >= 500;
              const retryAfter = retryable ? parseRetryAfter(headerValue(response.headers['retry-after']), this.now()) : undefined;
              finish(() => reject(new AttemptFailure(`HTTP ${status}${describeErrorBody(text)}`, retryable, status, retryAfter)));
            })
            .catch((err: unknown) => finish(() => reject(err)));
          return;
        }
        read({ status, headers: response.headers, body: response, sentAt })
          .then((value) => finish(() => resolve(value)))
          .catch((err: unknown) => {
            finish(() => reject(err));
            response.destroy();
          });
      });
      const sentAt = this.now();
      request.end(payload);
    });
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function collect(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A short readable reason from an OpenAI-style error body (`{error: {message}}`), else its start. */
function describeErrorBody(text: string): string {
  let message = text.trim();
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const candidate = typeof parsed.error === 'object' ? parsed.error?.message : (parsed.error ?? parsed.message ?? parsed.detail);
    if (typeof candidate === 'string') message = candidate;
    else if (candidate !== undefined) message = JSON.stringify(candidate);
  } catch {
    // not JSON: keep the text
  }
  if (message === '') return '';
  return `: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`;
}

export async function readJson(response: HttpResponse): Promise<unknown> {
  const text = await collect(response.body);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A cut connection surfaces as ECONNRESET while reading; a body that arrived whole but is not
    // JSON is the server's fault and will not improve on retry.
    throw new HarnessError('BACKEND', `response body is not JSON: ${JSON.stringify(text.slice(0, 120))}`);
  }
}
