// A local ONNX model answering batches of requests in this thread. The worker pool runs one of
// these per worker; tests and `serve` can use it directly.
import { performance } from 'node:perf_hooks';
import {
  HarnessError,
  toSampleError,
  type Backend,
  type BackendInfo,
  type Capabilities,
  type Completion,
  type GenerateRequest,
  type ImageDigest,
  type LoglikelihoodRequest,
  type ModelDtype,
  type Outcome,
  type Request,
  type TokenLogprobsRequest,
} from '../../core/index.ts';
import { loadModelDir, type ModelDir } from '../model-dir.ts';
import { DecoderSession, type Decoder } from './decoder-session.ts';
import { VisionDecoder } from './vision-decoder.ts';
import { fitToContext, renderGenerationPrompt, splitReasoning, type RenderedPrompt } from './generation-prompt.ts';
import { generateBatch, type GenerationRow } from './generate.ts';
import { scoreChoicesCached, type EncodedChoices } from './loglikelihood.ts';
import { prefillChunkLength } from './chunked-prefill.ts';
import { scoreTokenLogprobs } from './token-logprobs.ts';

export interface OnnxModelOptions {
  dtype?: ModelDtype;
  /** onnxruntime intra-op threads for this model's session. */
  threads?: number;
  /** Largest number of requests per call (the runner batches to this). */
  maxBatchSize?: number;
  /** Upper bound on logits held at once (rows × positions × vocab floats); sub-batches keep under it. */
  logitsBudget?: number;
  /** Upper bound on attention scores of one forward pass (rows × heads × positions², floats). */
  attentionBudget?: number;
  /** The directory's fingerprint when already known (pool workers), so the weights are not hashed again. */
  fingerprint?: string;
}

/** Observers of one `answer()` call (streaming); they run in the thread that owns the session. */
export interface AnswerHooks {
  /** A generate request of the batch (by index) accepted a token; `text` is its whole text so far. */
  onToken?: (index: number, text: string, generated: number) => void;
}

const DEFAULT_LOGITS_BUDGET = 64 * 1024 * 1024; // 256 MB of float32
// Exports built from standard ONNX ops materialise the attention scores. Measured on MMLU 5-shot
// (bench/mc-throughput.ts): 8 rows of ~1,000 tokens ran 3× slower than one row at a time, the
// scores no longer fitting in cache; short rows still gain from batching. 8M floats = 32 MB.
const DEFAULT_ATTENTION_BUDGET = 8 * 1024 * 1024;

function now(): number {
  return performance.timeOrigin + performance.now();
}

export class OnnxModel implements Backend {
  readonly info: BackendInfo;
  readonly capabilities: Capabilities;
  readonly maxBatchSize: number;
  readonly concurrency = 1;
  readonly dir: ModelDir;
  private readonly session: Decoder;
  private readonly padId: number;
  private readonly logitsBudget: number;
  private readonly attentionBudget: number;

  private constructor(dir: ModelDir, session: Decoder, options: OnnxModelOptions) {
    this.dir = dir;
    this.session = session;
    this.maxBatchSize = options.maxBatchSize ?? 8;
    this.logitsBudget = options.logitsBudget ?? DEFAULT_LOGITS_BUDGET;
    this.attentionBudget = options.attentionBudget ?? DEFAULT_ATTENTION_BUDGET;
    this.padId = dir.config.padTokenId ?? dir.generation.eosTokenIds[0] ?? 0;
    this.info = onnxBackendInfo(dir);
    this.capabilities = onnxCapabilities(dir);
  }

  static async open(modelDir: string, options: OnnxModelOptions = {}): Promise<OnnxModel> {
    const dir = loadModelDir(modelDir, options.dtype ?? 'fp32', options.fingerprint);
    const sessionOptions = { threads: options.threads ?? 1 };
    const session =
      dir.vision === undefined
        ? await DecoderSession.open(dir.onnx.model, dir.config, sessionOptions)
        : await VisionDecoder.open({ visionEncoder: dir.vision.encoder.model, embedTokens: dir.vision.embedTokens.model, decoder: dir.onnx.model }, dir.config, dir.vision.imagePatchId, sessionOptions);
    return new OnnxModel(dir, session, options);
  }

  get decoder(): Decoder {
    return this.session;
  }


  async answer(batch: Request[], _signal?: AbortSignal, hooks: AnswerHooks = {}): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(batch.length);
    const loglik: { index: number; request: LoglikelihoodRequest }[] = [];
    const generate: { index: number; request: GenerateRequest }[] = [];
    const tokenLogprobs: { index: number; request: TokenLogprobsRequest }[] = [];
    batch.forEach((request, index) => {
      if (request.kind === 'loglikelihood') loglik.push({ index, request });
      else if (request.kind === 'generate') generate.push({ index, request });
      else tokenLogprobs.push({ index, request });
    });
    if (loglik.length > 0) await this.answerLoglikelihood(loglik, outcomes);
    if (tokenLogprobs.length > 0) await this.answerTokenLogprobs(tokenLogprobs, outcomes);
    if (generate.length > 0) await this.answerGenerate(generate, outcomes, hooks);
    return outcomes;
  }

  async close(): Promise<void> {
    await this.session.release();
  }

  /** lm-evaluation-harness's encoding: trailing whitespace of the context moves to the continuation. */
  encodeChoices(request: LoglikelihoodRequest): EncodedChoices {
    const { tokenizer, config } = this.dir;
    const trimmed = request.context.replace(/\s+$/u, '');
    const moved = request.context.slice(trimmed.length);
    const fallback = config.bosTokenId ?? this.dir.generation.eosTokenIds[0] ?? 0;
    let context = trimmed === '' ? [fallback] : tokenizer.encode(trimmed);
    const continuations = request.continuations.map((c) => {
      const ids = trimmed === '' ? tokenizer.encode(moved + c) : tokenizer.encode(trimmed + moved + c).slice(context.length);
      if (ids.length === 0) throw new HarnessError('TOKENIZER', `continuation ${JSON.stringify(c)} encodes to no tokens after the context`);
      return ids;
    });
    const longest = Math.max(...continuations.map((c) => c.length));
    const room = config.maxPositions - longest;
    if (room < 1) throw new HarnessError('BACKEND', `continuation of ${longest} tokens exceeds the model's ${config.maxPositions} positions`);
    if (context.length > room) context = context.slice(context.length - room); // lm-eval truncates on the left
    return { context, continuations };
  }

  /**
   * Split rows into consecutive groups whose forward pass stays under the logits and attention
   * budgets. A row over budget on its own still runs, alone.
   */
  /** Chunk length of a prompt pass over `rows` rows of `length` tokens, within the attention and logits budgets. */
  private readonly prefillChunk = (rows: number, length: number): number =>
    prefillChunkLength(rows, length, { heads: this.dir.config.numHeads, vocab: this.dir.config.vocabSize, attentionBudget: this.attentionBudget, logitsBudget: this.logitsBudget });

  private budgetGroups<T>(items: T[], lengthOf: (item: T) => number): T[][] {
    const { vocabSize, numHeads } = this.dir.config;
    const fits = (rows: number, length: number) => rows * length * vocabSize <= this.logitsBudget && rows * numHeads * length * length <= this.attentionBudget;
    const groups: T[][] = [];
    let current: T[] = [];
    let longest = 0;
    for (const item of items) {
      const length = Math.max(longest, lengthOf(item));
      if (current.length > 0 && !fits(current.length + 1, length)) {
        groups.push(current);
        current = [];
        longest = 0;
      }
      current.push(item);
      longest = Math.max(longest, lengthOf(item));
    }
    if (current.length > 0) groups.push(current);
    return groups;
  }

  private async answerLoglikelihood(items: { index: number; request: LoglikelihoodRequest }[], outcomes: Outcome[]): Promise<void> {
    const encoded: { index: number; choices: EncodedChoices }[] = [];
    for (const { index, request } of items) {
      try {
        encoded.push({ index, choices: this.encodeChoices(request) });
      } catch (err) {
        outcomes[index] = { ok: false, error: toSampleError(err) };
      }
    }
    for (const group of this.budgetGroups(encoded, (e) => e.choices.context.length + Math.max(...e.choices.continuations.map((c) => c.length)))) {
      const startedAt = now();
      try {
        const scores = await scoreChoicesCached(
          this.session,
          group.map((g) => g.choices),
          this.padId,
          this.prefillChunk,
        );
        const totalMs = now() - startedAt;
        group.forEach((g, i) => {
          const s = scores[i];
          if (s === undefined) return;
          const completion: Completion = {
            kind: 'loglikelihood',
            logprobs: s.logprobs,
            greedy: s.greedy,
            continuationTokens: s.continuationTokens,
            timing: { startedAt, queuedMs: 0, ttftMs: totalMs, totalMs, batchSize: group.length },
            tokens: { prompt: g.choices.context.length + s.continuationTokens.reduce((a, b) => a + b, 0), generated: 0 },
          };
          outcomes[g.index] = { ok: true, completion };
        });
      } catch (err) {
        for (const g of group) outcomes[g.index] = { ok: false, error: toSampleError(err) };
      }
    }
  }

  /** Echo + logprobs: every token of each text scored in one forward pass (per budget group). */
  private async answerTokenLogprobs(items: { index: number; request: TokenLogprobsRequest }[], outcomes: Outcome[]): Promise<void> {
    const { tokenizer, config } = this.dir;
    const rows: { index: number; ids: number[]; text: string }[] = [];
    for (const { index, request } of items) {
      const ids = tokenizer.encode(request.text);
      if (ids.length === 0) outcomes[index] = { ok: false, error: { code: 'TOKENIZER', message: 'the text encodes to no tokens', retryable: false } };
      else if (ids.length > config.maxPositions) outcomes[index] = { ok: false, error: { code: 'BACKEND', message: `the text is ${ids.length} tokens, more than the model's ${config.maxPositions} positions`, retryable: false } };
      else rows.push({ index, ids, text: request.text });
    }
    const decode = (ids: number[]) => tokenizer.decode(ids, false);
    for (const group of this.budgetGroups(rows, (r) => r.ids.length)) {
      const startedAt = now();
      try {
        const scored = await scoreTokenLogprobs(this.session, group, this.padId, decode);
        const totalMs = now() - startedAt;
        group.forEach((row, i) => {
          const s = scored[i];
          if (s === undefined) return;
          const { ids: _ids, ...answer } = s;
          outcomes[row.index] = {
            ok: true,
            completion: {
              kind: 'token-logprobs',
              ...answer,
              timing: { startedAt, queuedMs: 0, ttftMs: totalMs, totalMs, batchSize: group.length },
              tokens: { prompt: row.ids.length, generated: 0 },
            },
          };
        });
      } catch (err) {
        for (const row of group) outcomes[row.index] = { ok: false, error: toSampleError(err) };
      }
    }
  }

  /** Token ids of a generate request and, for a vision-language model, the features of its images. */
  renderPrompt(request: GenerateRequest): Promise<RenderedPrompt> {
    return renderGenerationPrompt(this.dir, this.session, request);
  }

  private async answerGenerate(items: { index: number; request: GenerateRequest }[], outcomes: Outcome[], hooks: AnswerHooks): Promise<void> {
    const rows: { index: number; row: GenerationRow; images?: ImageDigest[]; opensThinking?: boolean }[] = [];
    for (const { index, request } of items) {
      try {
        const rendered = await this.renderPrompt(request);
        const { prompt, maxTokens } = fitToContext(rendered, request.params.maxTokens, this.dir.config.maxPositions);
        rows.push({
          index,
          ...(rendered.opensThinking === true ? { opensThinking: true } : {}),
          ...(rendered.images === undefined ? {} : { images: rendered.images }),
          row: {
            ...(rendered.imageFeatures === undefined ? {} : { imageFeatures: rendered.imageFeatures }),
            prompt,
            maxTokens,
            until: request.params.until,
            sampling: { temperature: request.params.temperature, ...(request.params.topP === undefined ? {} : { topP: request.params.topP }) },
            seed: request.params.seed ?? 0,
          },
        });
      } catch (err) {
        outcomes[index] = { ok: false, error: toSampleError(err) };
      }
    }
    if (rows.length === 0) return;
    // Prefill in budget-sized groups, decode all rows together: decoding is where batching pays.
    const indexed = rows.map((r, i) => ({ i, length: r.row.prompt.length }));
    const prefillGroups = this.budgetGroups(indexed, (r) => r.length).map((g) => g.map((r) => r.i));
    const startedAt = now();
    let firstTokenAt = startedAt;
    try {
      const generated = await generateBatch(
        this.session,
        rows.map((r) => r.row),
        {
          padId: this.padId,
          eosIds: this.dir.generation.eosTokenIds,
          decode: (ids) => this.dir.tokenizer.decode(ids, true),
          useCache: true,
          prefillGroups,
          prefillChunk: this.prefillChunk,
          onFirstToken: () => (firstTokenAt = now()),
          // A stream carries the answer; reasoning goes with the last chunk (reasoning_content).
          ...(hooks.onToken === undefined ? {} : { onToken: (row: number, text: string, generated: number) => {
            const r = rows[row] as (typeof rows)[number];
            hooks.onToken?.(r.index, r.opensThinking === true ? splitReasoning(text).text : text, generated);
          } }),
        },
      );
      const totalMs = now() - startedAt;
      rows.forEach((r, i) => {
        const out = generated[i];
        if (out === undefined) return;
        outcomes[r.index] = {
          ok: true,
          completion: {
            kind: 'generate',
            ...(r.opensThinking === true ? splitReasoning(out.text) : { text: out.text }),
            finishReason: out.finishReason,
            timing: { startedAt, queuedMs: 0, ttftMs: firstTokenAt - startedAt, totalMs, batchSize: rows.length },
            tokens: { prompt: r.row.prompt.length, generated: out.tokens.length },
            ...(r.images === undefined ? {} : { images: r.images }),
          },
        };
      });
    } catch (err) {
      for (const r of rows) outcomes[r.index] = { ok: false, error: toSampleError(err) };
    }
  }
}

export function onnxBackendInfo(dir: ModelDir): BackendInfo {
  return {
    kind: 'onnx',
    location: dir.dir,
    modelName: dir.name,
    fingerprint: dir.fingerprint,
    details: {
      modelType: dir.config.modelType,
      dtype: dir.dtype,
      onnxFile: dir.onnx.model,
      layers: dir.config.numLayers,
      hiddenSize: dir.config.hiddenSize,
      vocabSize: dir.config.vocabSize,
    },
  };
}

export function onnxCapabilities(dir: ModelDir): Capabilities {
  return { loglikelihood: true, generate: true, chat: dir.chatTemplate !== undefined, images: dir.vision !== undefined, thinking: dir.chatTemplate?.supportsThinking ?? false };
}
