// The few types every layer speaks. `core` imports nothing else from src/ (DESIGN.md §2).
// Everything here is plain data: it crosses worker-thread boundaries (structured clone) and is
// written to the run record as JSON, so no classes, functions or Maps inside data types.

/** A part of a chat message. Image parts arrive with the multimodal suite. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image'; source: ImageSource };

export type ImageSource =
  | { kind: 'path'; path: string }
  | { kind: 'base64'; data: string; mime?: string }
  | { kind: 'bytes'; bytes: Uint8Array; mime?: string };

export interface Message {
  role: 'system' | 'user' | 'assistant';
  content: string | ContentPart[];
}

/** One normalised benchmark item. `id` is stable across runs and unique within its task. */
export interface Sample {
  id: string;
  /** Subset the item belongs to (MMLU subject, GSM8K has none); drives per-subset metrics. */
  subset?: string;
  /** The question as the benchmark states it, without prompt template or shots. */
  input: string;
  /** Gold answer in the benchmark's own form ("B", "18", ...). */
  target: string;
  /** Answer options for multiple choice, in order. */
  choices?: string[];
  /** Index of the gold choice, for multiple choice. */
  targetIndex?: number;
  /** Where the item came from, so an error can name it (file and 1-based line/record). */
  origin?: { file: string; line: number };
  /**
   * Images of a multimodal item, in the order the benchmark numbers them (`<image1>`, ...): a file
   * path resolved at load time (absolute), or the base64 / bytes the benchmark ships inline.
   */
  images?: ImageSource[];
  metadata?: Record<string, string | number | boolean | null>;
}

export interface GenerationParams {
  maxTokens: number;
  /** 0 means greedy. */
  temperature: number;
  topP?: number;
  seed?: number;
  /** Generation stops before the first occurrence of any of these strings. */
  until: string[];
  /** Thinking mode for models that have one; undefined leaves the model's default. */
  thinking?: boolean;
}

/**
 * What exactly a model saw of one image, recorded with the sample so that a multimodal score can be
 * reproduced: the hash of the preprocessed pixels (ONNX) or of the encoded bytes sent (HTTP).
 */
export interface ImageDigest {
  /** sha256 of the float32 pixel tensor given to the vision encoder, or of the bytes sent over HTTP. */
  sha256: string;
  /** 'pixels': the preprocessed tensor; 'bytes': the encoded file as sent. */
  of: 'pixels' | 'bytes';
  /** Size of the decoded image before preprocessing. */
  width: number;
  height: number;
  /** Size after resizing (ONNX preprocessing); absent when the server preprocesses. */
  resizedWidth?: number;
  resizedHeight?: number;
  /** Image tokens this image took in the prompt (ONNX). */
  tokens?: number;
}

/**
 * Score continuations of one shared context. All continuations of a multiple-choice question
 * travel in one request so that a backend can run the context once and reuse its KV cache.
 */
/** Which sample a request was built for. Not part of the key: identical requests share answers. */
export interface RequestOrigin {
  task: string;
  sampleId: string;
  /** Which of the run's repeated answers to the sample this request is (`--repeats`); absent: asked once. */
  repeat?: number;
}

export interface LoglikelihoodRequest {
  kind: 'loglikelihood';
  /** Stable hash of everything that determines the answer (see task/request-key.ts). */
  key: string;
  origin?: RequestOrigin;
  context: string;
  continuations: string[];
}

/** Generate text, from a raw prompt (base models) or from chat messages (chat template). */
export interface GenerateRequest {
  kind: 'generate';
  key: string;
  origin?: RequestOrigin;
  prompt: { kind: 'text'; text: string } | { kind: 'chat'; messages: Message[] };
  params: GenerationParams;
}

/**
 * Per-token log-probabilities of a whole text: what an OpenAI `/v1/completions` call with `echo`
 * and `logprobs` returns. `serve` answers those calls with it; tasks use `loglikelihood`.
 */
export interface TokenLogprobsRequest {
  kind: 'token-logprobs';
  key: string;
  text: string;
}

export type Request = LoglikelihoodRequest | GenerateRequest | TokenLogprobsRequest;
export type RequestKind = Request['kind'];
/** What tasks build; capabilities describe these kinds. */
export type TaskRequest = LoglikelihoodRequest | GenerateRequest;
export type TaskRequestKind = TaskRequest['kind'];

/** Times in milliseconds, measured by the backend or runner that served the request. */
export interface Timing {
  /** Wall-clock epoch ms when the request was handed to a backend slot (worker, HTTP slot). */
  startedAt: number;
  /** Time spent waiting for a slot after the runner scheduled the request. */
  queuedMs: number;
  /** Time to the first generated token (generation) or to the logits (log-likelihood). */
  ttftMs: number;
  /** Time from start of service to the last token. */
  totalMs: number;
  /** How many requests shared the forward passes that served this one. */
  batchSize: number;
  /** Gaps between successive streamed tokens (vLLM's ITL), when the backend streams. */
  itlMs?: number[];
}

export interface TokenCounts {
  prompt: number;
  generated: number;
}

export interface LoglikelihoodAnswer {
  kind: 'loglikelihood';
  /** One per continuation: summed log-probability of its tokens given the context. */
  logprobs: number[];
  /** One per continuation: whether every continuation token is the argmax (lm-eval is_greedy). */
  greedy: boolean[];
  /** One per continuation: number of continuation tokens. */
  continuationTokens: number[];
}

export interface GenerateAnswer {
  kind: 'generate';
  text: string;
  /** Thinking text, when the model or server returned it apart from the answer. */
  reasoning?: string;
  finishReason: 'stop' | 'length' | 'eos';
}

/** A backend's answer to one request: the completion of DESIGN.md §3. */
export interface TokenLogprobsAnswer {
  kind: 'token-logprobs';
  /**
   * Token strings as the tokenizer decodes them, one per token of the text. (Not `tokens`: every
   * Completion carries `tokens: TokenCounts`, and the intersection would be unconstructible.)
   */
  tokenTexts: string[];
  /** Character offset of each token in the text. */
  textOffsets: number[];
  /** log P(token | tokens before it); null for the first token, which has no context. */
  logprobs: (number | null)[];
  /** The most likely token at each position and its log-probability (null for the first). */
  topTokens: (string | null)[];
  topLogprobs: (number | null)[];
}

/** A backend's answer to one request: the completion of DESIGN.md §3. */
export type Completion = (LoglikelihoodAnswer | GenerateAnswer | TokenLogprobsAnswer) & {
  timing: Timing;
  tokens: TokenCounts;
  /** Attempts beyond the first that this answer took (HTTP retries); absent means none. */
  retries?: number;
  /** One per image of the request, in order (multimodal requests only). */
  images?: ImageDigest[];
};

/** A failure recorded on its sample instead of killing the run (DESIGN.md §1.6). */
export interface SampleError {
  code: string;
  message: string;
  retryable: boolean;
  /** Attempts beyond the first before giving up. */
  retries?: number;
}

export type Outcome = { ok: true; completion: Completion } | { ok: false; error: SampleError };

export interface Capabilities {
  loglikelihood: boolean;
  generate: boolean;
  /** Accepts chat messages (has a chat template or a chat endpoint). */
  chat: boolean;
  images: boolean;
  thinking: boolean;
}

export interface BackendInfo {
  kind: 'onnx' | 'openai' | 'replay';
  /** What the user named: a directory, a URL, a file. */
  location: string;
  /** Model name as reported by config.json or the server. */
  modelName: string;
  /** Content hash of what answers (config + weights for ONNX); keys the response cache. */
  fingerprint: string;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * What the runner needs from a model. A backend answers a batch: the ONNX backend batches
 * forward passes, an HTTP backend answers each request of it concurrently. The runner keeps
 * `concurrency` batches in flight.
 */
export interface Backend {
  readonly info: BackendInfo;
  readonly capabilities: Capabilities;
  /** Largest batch the backend wants per call. */
  readonly maxBatchSize: number;
  /** Batches that may be in flight at once (workers, HTTP slots). */
  readonly concurrency: number;
  /**
   * How the runner should order work: longest first (local batching: tight padding) or requests
   * sharing a prompt prefix together (a server's prefix cache). Default longest-first.
   */
  readonly preferredOrder?: 'longest-first' | 'shared-prefix';
  answer(batch: Request[], signal?: AbortSignal): Promise<Outcome[]>;
  close(): Promise<void>;
}

/** Per-sample score: every metric this scorer produces for the sample, plus what it extracted. */
export interface Score {
  /** Metric name → value for this sample (acc: 0|1, acc_norm: 0|1, exact_match: 0|1 ...). */
  values: Record<string, number>;
  /** Filter/metric name → the answer extracted from the output; null when nothing matched. */
  extracted?: Record<string, string | null>;
  explanation?: string;
}

export interface MetricValue {
  value: number;
  stderr: number;
  ci95: [number, number];
  n: number;
  higherIsBetter: boolean;
}

/** One line of samples.jsonl (schema/sample-result.schema.json). */
export interface SampleResult {
  schema: 'ernie-eval/sample-result@1';
  task: string;
  taskVersion: string;
  sampleId: string;
  /**
   * 0-based index of this answer among the run's answers to the same sample (`--repeats N`: N
   * generate requests with seeds seed+0..seed+N−1, one line each, same sampleId). Absent when the
   * sample was asked once. A record names a line by (task, sampleId, repeat).
   */
  repeat?: number;
  subset?: string;
  requestKey: string;
  requestKind: TaskRequestKind;
  /** The exact text given to the model (rendered prompt or context). */
  prompt: string;
  target: string;
  choices?: string[];
  completion?: {
    text?: string;
    reasoning?: string;
    finishReason?: GenerateAnswer['finishReason'];
    logprobs?: number[];
    greedy?: boolean[];
    continuationTokens?: number[];
  };
  score?: Score;
  timing?: Timing;
  tokens?: TokenCounts;
  /** HTTP retries this sample took (absent: none). */
  retries?: number;
  /** What the model saw of each image (multimodal samples). */
  images?: ImageDigest[];
  /** Thinking mode the request asked for (absent: the model's default). */
  thinking?: boolean;
  error?: SampleError;
  /**
   * True when the answer came from the response cache instead of the backend: no request was sent
   * in this run; `timing` and `tokens` are those of the request that produced the answer.
   */
  cached?: boolean;
  /**
   * A multi-turn sample (TaskSpec.followUp): every turn asked, in order, up to the last or the one
   * that failed. Then `requestKey` is the first turn's (the conversation's start), `prompt` and
   * `completion` are the last turn's (its prompt holds the whole conversation), `tokens` sum the
   * turns, `timing` spans them (first start to last end, the first turn's queue and TTFT), `error`
   * is the failed turn's, and `score` is that of the whole conversation.
   */
  turns?: ConversationTurn[];
}

/** One turn of a multi-turn sample: its own request, answer, timing and tokens. */
export interface ConversationTurn {
  requestKey: string;
  /** The text given to the model at this turn (the conversation so far, role by role). */
  prompt: string;
  completion?: SampleResult['completion'];
  timing?: Timing;
  tokens?: TokenCounts;
  retries?: number;
  error?: SampleError;
  /** This turn's answer came from the response cache. */
  cached?: boolean;
}

/** Everything that determines a run; hashed into the manifest. */
export interface RunSpec {
  tasks: string[];
  suite?: string;
  model: string;
  dtype: ModelDtype;
  dataDir?: string;
  limit?: number;
  seed: number;
  workers: number;
  outDir: string;
  /** Abort once more than this many samples have failed (`--max-errors N`). */
  maxErrors?: number;
  /** Abort once more than this fraction (0..1) of the run's samples have failed (`--max-errors P%`). */
  maxErrorRate?: number;
  /** This run evaluates only shard `index` (0-based) of `count` (`--shard i/N`); absent: all samples. */
  shard?: ShardSpec;
  /** Thinking mode asked of every generate request (`--thinking on|off`); absent: the model's default. */
  thinking?: boolean;
  /** Cap on every generation budget (`--max-tokens`, or the embedded default's); absent: each task's own. */
  maxTokens?: number;
  /** Sampling temperature of every generate request (`--temperature`); absent: each task's own. */
  temperature?: number;
  /** Answers asked per generate sample (`--repeats N`, seeds seed+0..seed+N−1); absent: one. */
  repeats?: number;
}

/** A deterministic slice of a run's samples: those whose (task, sampleId) hash mod `count` is `index`. */
export interface ShardSpec {
  index: number;
  count: number;
}

export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'q4';
