// A Backend in front of an OpenAI-compatible server (FastDeploy, vLLM, SGLang, `ernie-eval serve`,
// hosted APIs). One request per call (maxBatchSize 1): the server batches, and `concurrency`
// requests are kept in flight. Generation streams, so TTFT and ITL are measured as vLLM's bench
// serve measures them; log-likelihood uses /completions echo + logprobs (see
// completions-loglikelihood.ts). Each failure becomes that request's outcome, never the batch's.
import { performance } from 'node:perf_hooks';
import {
  canonicalHash,
  HarnessError,
  UsageError,
  toSampleError,
  type Backend,
  type BackendInfo,
  type Capabilities,
  type Completion,
  type GenerateAnswer,
  type GenerateRequest,
  type LoglikelihoodRequest,
  type Outcome,
  type Request,
} from '../../core/index.ts';
import { cutAtStop } from '../onnx/generate.ts';
import { describeMode, probeServer, type ProbeResult } from './capabilities-probe.ts';
import { generationCall } from './chat-request.ts';
import { continuationBoundary, loglikelihoodBody, parsePromptLogprobs, promptTokenCount, scoreContinuation, type LoglikelihoodMode } from './completions-loglikelihood.ts';
import { readGenerationStream, type StreamedGeneration } from './generation-stream.ts';
import { HttpCallError, HttpClient, type RetryPolicy } from './http-client.ts';
import { RequestSlots } from './request-slots.ts';

export const DEFAULT_API_KEY_ENV = 'OPENAI_API_KEY';
export const DEFAULT_CONCURRENCY = 8;

export interface OpenAiBackendOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:8000/v1` (a bare host gets `/v1`). */
  baseUrl: string;
  /** Model name as the server lists it under /models. */
  model: string;
  /** Environment variable holding the API key. Default OPENAI_API_KEY, optional; a named one must be set. */
  apiKeyEnv?: string;
  /** Where the key is read from (tests); default process.env. */
  env?: Record<string, string | undefined>;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Most requests started per second. */
  requestRate?: number;
  /** Per-attempt limit in ms (a hung server fails the attempt, which is retried). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Whether the served model takes images (the API cannot tell); default true. */
  images?: boolean;
  /** Whether it has a thinking switch; default true (servers ignore chat_template_kwargs they do not use). */
  thinking?: boolean;
  /** Test hooks: backoff waits, clock, jitter. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  signal?: AbortSignal;
}

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--model openai:${raw}: not a URL (expected e.g. openai:http://127.0.0.1:8000/v1)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--model openai:${raw}: the URL must start with http:// or https://`);
  // Credentials in the URL would end up in the record's location; keys come from the environment only.
  if (url.username !== '' || url.password !== '') throw new UsageError('--model openai:URL must not contain credentials; put the API key in an environment variable (--api-key-env)');
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1';
  return url.toString().replace(/\/+$/u, '');
}

function readApiKey(options: OpenAiBackendOptions): string | undefined {
  const env = options.env ?? process.env;
  const name = options.apiKeyEnv ?? DEFAULT_API_KEY_ENV;
  const key = env[name];
  if ((key === undefined || key === '') && options.apiKeyEnv !== undefined) {
    throw new UsageError(`--api-key-env ${name}: that environment variable is not set`);
  }
  return key === '' ? undefined : key;
}

/** vLLM's /models entry has `created` = the time of the call; leave it out so the fingerprint is stable. */
function fingerprintOf(baseUrl: string, model: string, entry: Record<string, unknown>): string {
  const { created: _created, ...stable } = entry;
  return canonicalHash({ baseUrl, model, entry: stable });
}

function finishReasonOf(stream: StreamedGeneration, cutHere: boolean): GenerateAnswer['finishReason'] {
  if (cutHere) return 'stop';
  if (stream.finishReason === 'length') return 'length';
  // vLLM says which stop ended generation; null there means the EOS token.
  if (stream.stopReason === null) return 'eos';
  return 'stop';
}

function errorOutcome(err: unknown): Outcome {
  const error = toSampleError(err);
  return { ok: false, error: { ...error, ...(err instanceof HttpCallError ? { retries: err.retries } : {}) } };
}

export class OpenAiBackend implements Backend {
  readonly info: BackendInfo;
  readonly capabilities: Capabilities;
  readonly maxBatchSize = 1;
  readonly concurrency: number;
  readonly preferredOrder = 'shared-prefix' as const;
  /** How log-likelihood requests are asked for; undefined when the server cannot answer them. */
  readonly loglikelihoodMode: LoglikelihoodMode | undefined;
  private readonly client: HttpClient;
  private readonly slots: RequestSlots;
  private readonly now: () => number;

  constructor(client: HttpClient, options: OpenAiBackendOptions & { baseUrl: string }, probe: ProbeResult, now: () => number) {
    this.client = client;
    this.now = now;
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.slots = new RequestSlots(this.concurrency);
    this.loglikelihoodMode = probe.loglikelihood.ok ? probe.loglikelihood.mode : undefined;
    this.capabilities = { loglikelihood: probe.loglikelihood.ok, generate: true, chat: true, images: options.images ?? true, thinking: options.thinking ?? true };
    this.info = {
      kind: 'openai',
      location: options.baseUrl,
      modelName: options.model,
      fingerprint: fingerprintOf(options.baseUrl, options.model, probe.modelEntry),
      details: {
        loglikelihood: probe.loglikelihood.ok ? describeMode(probe.loglikelihood.mode) : 'unavailable',
        ...(probe.loglikelihood.ok ? {} : { loglikelihoodUnavailable: probe.loglikelihood.reason }),
        concurrency: this.concurrency,
        requestRate: options.requestRate ?? null,
        timing: 'streamed; ttft/itl/e2e as vLLM bench serve, from the attempt that succeeded',
        tokenCounts: 'server usage (stream_options.include_usage); streamed chunks counted when a response has none',
        ...(typeof probe.modelEntry.owned_by === 'string' ? { ownedBy: probe.modelEntry.owned_by } : {}),
        ...(typeof probe.modelEntry.max_model_len === 'number' ? { maxModelLen: probe.modelEntry.max_model_len } : {}),
      },
    };
  }

  async answer(batch: Request[], signal?: AbortSignal): Promise<Outcome[]> {
    const outcomes = await Promise.all(batch.map((request) => this.answerOne(request, signal)));
    // Cancelled work is dropped, not recorded as failed: a resumed run will redo it.
    if (signal?.aborted && outcomes.some((o) => !o.ok && o.error.code === 'ABORTED')) throw new HarnessError('ABORTED', 'cancelled');
    return outcomes;
  }

  async close(): Promise<void> {
    this.client.close();
  }

  private async answerOne(request: Request, signal?: AbortSignal): Promise<Outcome> {
    try {
      if (request.kind === 'generate') return { ok: true, completion: await this.generate(request, signal) };
      if (request.kind === 'loglikelihood') return { ok: true, completion: await this.loglikelihood(request, signal) };
      throw new HarnessError('CAPABILITY', `request kind ${request.kind} is not served by the openai backend`);
    } catch (err) {
      return errorOutcome(err);
    }
  }

  private async generate(request: GenerateRequest, signal?: AbortSignal): Promise<Completion> {
    const enteredAt = this.now();
    const call = await generationCall(this.info.modelName, request);
    const endpoint = call.path === '/chat/completions' ? 'chat' : 'text';
    const result = await this.slots.run(() => this.client.call('POST', call.path, call.body, (response) => readGenerationStream(response, endpoint, this.now), signal));
    const stream = result.value;
    const cut = cutAtStop(stream.text, request.params.until);
    const times = stream.tokenTimes;
    const timing = {
      startedAt: result.sentAt,
      queuedMs: Math.max(0, result.sentAt - enteredAt),
      ttftMs: (times[0] ?? stream.endedAt) - result.sentAt,
      totalMs: stream.endedAt - result.sentAt,
      batchSize: 1,
      itlMs: times.slice(1).map((t, i) => t - (times[i] as number)),
    };
    return {
      kind: 'generate',
      text: cut ?? stream.text,
      ...(stream.reasoning === '' ? {} : { reasoning: stream.reasoning }),
      finishReason: finishReasonOf(stream, cut !== null),
      timing,
      tokens: stream.usage === undefined ? { prompt: 0, generated: times.length } : { prompt: stream.usage.promptTokens, generated: stream.usage.completionTokens },
      ...(result.retries === 0 ? {} : { retries: result.retries }),
      ...(call.images === undefined ? {} : { images: call.images }),
    };
  }

  private async loglikelihood(request: LoglikelihoodRequest, signal?: AbortSignal): Promise<Completion> {
    const mode = this.loglikelihoodMode;
    if (mode === undefined) throw new HarnessError('CAPABILITY', String(this.info.details?.loglikelihoodUnavailable ?? 'the server cannot return prompt log-probabilities'));
    const enteredAt = this.now();
    const boundary = continuationBoundary(request.context);
    // The continuations share the context: sent together, a server's prefix cache serves the rest.
    const calls = await Promise.all(
      request.continuations.map(async (continuation) => {
        const prompt = request.context + continuation;
        const result = await this.slots.run(() => this.client.postJson('/completions', loglikelihoodBody(this.info.modelName, prompt, mode), signal));
        const endedAt = this.now();
        const tokens = parsePromptLogprobs(result.value, prompt, mode);
        return { result, endedAt, score: scoreContinuation(tokens, boundary), promptTokens: promptTokenCount(result.value, tokens) };
      }),
    );
    const startedAt = Math.min(...calls.map((c) => c.result.sentAt));
    const totalMs = Math.max(...calls.map((c) => c.endedAt)) - startedAt;
    const retries = calls.reduce((n, c) => n + c.result.retries, 0);
    return {
      kind: 'loglikelihood',
      logprobs: calls.map((c) => c.score.logprob),
      greedy: calls.map((c) => c.score.greedy),
      continuationTokens: calls.map((c) => c.score.tokens),
      timing: { startedAt, queuedMs: Math.max(0, startedAt - enteredAt), ttftMs: totalMs, totalMs, batchSize: 1 },
      // What the server processed: every continuation's full prompt (its prefix cache may skip some).
      tokens: { prompt: calls.reduce((n, c) => n + c.promptTokens, 0), generated: 0 },
      ...(retries === 0 ? {} : { retries }),
    };
  }
}

/** Connect, check the model name and probe what the server can do. */
export async function openOpenAiBackend(options: OpenAiBackendOptions): Promise<OpenAiBackend> {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const apiKey = readApiKey(options);
  const now = options.now ?? epochNow;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const client = new HttpClient({
    baseUrl,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.requestRate === undefined ? {} : { requestRate: options.requestRate }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    ...(options.random === undefined ? {} : { random: options.random }),
    now,
    maxSockets: concurrency,
  });
  try {
    const probe = await probeServer(client, options.model, options.signal);
    return new OpenAiBackend(client, { ...options, baseUrl }, probe, now);
  } catch (err) {
    client.close();
    throw err;
  }
}
