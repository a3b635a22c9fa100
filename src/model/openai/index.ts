// The OpenAI-compatible HTTP backend (DESIGN.md §5): `--model openai:URL --model-name NAME`.
export { openOpenAiBackend, OpenAiBackend, DEFAULT_API_KEY_ENV, DEFAULT_CONCURRENCY, type OpenAiBackendOptions } from './openai-backend.ts';
export { HttpClient, HttpCallError, DEFAULT_RETRY, parseRetryAfter, type HttpClientOptions, type RetryPolicy, type CallResult } from './http-client.ts';
export { parseSse, type SseEvent } from './sse.ts';
export { describeMode, type ProbeResult } from './capabilities-probe.ts';
export { continuationBoundary, scoreContinuation, parsePromptLogprobs, type LoglikelihoodMode, type PromptTokenLogprobs } from './completions-loglikelihood.ts';
