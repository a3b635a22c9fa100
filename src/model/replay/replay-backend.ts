// `--model replay:FILE`: answers requests from saved outputs instead of a model, so a run record
// or published predictions can be re-scored and reported without inference. Each request is
// matched by its origin (task + sample id); a saved line that carries a request key (a run
// record's) answers only that exact request, so a changed prompt or task version is a mismatch,
// not a silently reused answer. A request with no saved answer is an error on that sample.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  DataError,
  type Backend,
  type BackendInfo,
  type Capabilities,
  type Completion,
  type Outcome,
  type Request,
  type SampleError,
  type Timing,
} from '../../core/index.ts';
import { readSavedAnswer, type SavedAnswer } from './saved-answer.ts';

export interface ReplayOptions {
  /** Name to record as the model's; default: the file's name. */
  modelName?: string;
}

function failure(code: string, message: string): Outcome {
  const error: SampleError = { code, message, retryable: false };
  return { ok: false, error };
}

const originKey = (task: string, sampleId: string) => `${task}\u0000${sampleId}`;

export class ReplayBackend implements Backend {
  readonly info: BackendInfo;
  readonly capabilities: Capabilities;
  readonly maxBatchSize = 64;
  readonly concurrency = 1;
  private readonly byOrigin = new Map<string, SavedAnswer>();
  private readonly byKey = new Map<string, SavedAnswer>();
  private readonly file: string;

  private constructor(file: string, answers: SavedAnswer[], fingerprint: string, options: ReplayOptions) {
    this.file = file;
    for (const answer of answers) {
      const origin = originKey(answer.task, answer.sampleId);
      const seen = this.byOrigin.get(origin);
      if (seen !== undefined) throw new DataError(file, answer.line, `task "${answer.task}" sample "${answer.sampleId}" was already answered on line ${seen.line}`);
      this.byOrigin.set(origin, answer);
      // Identical requests share a key (duplicate questions); any of their answers will do.
      if (answer.requestKey !== undefined && !this.byKey.has(answer.requestKey)) this.byKey.set(answer.requestKey, answer);
    }
    const kinds = new Set(answers.map((a) => a.content.kind));
    const generates = kinds.has('generate');
    // Saved outputs answer whatever they answer: chat, image and thinking tasks included.
    this.capabilities = { loglikelihood: kinds.has('loglikelihood'), generate: generates, chat: generates, images: generates, thinking: generates };
    this.info = {
      kind: 'replay',
      location: file,
      modelName: options.modelName ?? basename(file),
      fingerprint,
      details: { answers: answers.length },
    };
  }

  /** Read and check the whole file now: a malformed line is a DataError naming file and line before any request. */
  static async open(fileArg: string, options: ReplayOptions = {}): Promise<ReplayBackend> {
    const file = resolve(fileArg);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new DataError(file, undefined, missing ? 'replay file not found' : `cannot read: ${(err as Error).message}`, { code: missing ? 'DATA_MISSING' : 'DATA_MALFORMED', cause: err });
    }
    const answers: SavedAnswer[] = [];
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\n');
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (err) {
        throw new DataError(file, i + 1, `invalid JSON: ${(err as Error).message}`, { cause: err });
      }
      answers.push(readSavedAnswer(value, file, i + 1));
    });
    if (answers.length === 0) throw new DataError(file, undefined, 'no saved answers in the file');
    const fingerprint = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    return new ReplayBackend(file, answers, fingerprint, options);
  }

  async answer(batch: Request[]): Promise<Outcome[]> {
    return batch.map((request) => this.answerOne(request));
  }

  async close(): Promise<void> {}

  private find(request: Request): SavedAnswer | Outcome {
    const origin = request.kind === 'token-logprobs' ? undefined : request.origin;
    const saved = origin === undefined ? undefined : this.byOrigin.get(originKey(origin.task, origin.sampleId));
    if (saved !== undefined) {
      if (saved.requestKey !== undefined && saved.requestKey !== request.key) {
        return failure('REPLAY_MISMATCH', `${this.file}:${saved.line}: the saved answer to ${saved.task} sample ${saved.sampleId} was made for a different request (its prompt or task version changed)`);
      }
      return saved;
    }
    const byKey = this.byKey.get(request.key);
    if (byKey !== undefined) return byKey;
    const which = origin === undefined ? `request ${request.key}` : `${origin.task} sample ${origin.sampleId}`;
    return failure('REPLAY_MISSING', `${basename(this.file)} has no saved answer for ${which}`);
  }

  private answerOne(request: Request): Outcome {
    if (request.kind === 'token-logprobs') return failure('CAPABILITY', 'a replay file holds no per-token log-probabilities');
    const found = this.find(request);
    if ('ok' in found) return found;
    const { content } = found;
    const where = `${this.file}:${found.line}`;
    if (content.kind === 'error') return { ok: false, error: content.error };
    if (content.kind !== request.kind) return failure('REPLAY_MISMATCH', `${where}: saved a ${content.kind} answer, but the task asks for ${request.kind}`);
    // The original run's timing and token counts when the file has them: the efficiency of a replay
    // describes the run that produced the answers. Without them nothing was measured: zeros.
    const timing: Timing = found.timing ?? { startedAt: 0, queuedMs: 0, ttftMs: 0, totalMs: 0, batchSize: 1 };
    const tokens = found.tokens ?? { prompt: 0, generated: 0 };
    let completion: Completion;
    if (content.kind === 'generate') {
      completion = { kind: 'generate', text: content.text, finishReason: content.finishReason ?? 'stop', ...(content.reasoning === undefined ? {} : { reasoning: content.reasoning }), timing, tokens };
    } else {
      if (request.kind !== 'loglikelihood' || request.continuations.length !== content.logprobs.length) {
        return failure('REPLAY_MISMATCH', `${where}: saved ${content.logprobs.length} log-likelihoods, the request has ${request.kind === 'loglikelihood' ? request.continuations.length : 0} continuations`);
      }
      completion = { kind: 'loglikelihood', logprobs: content.logprobs, greedy: content.greedy, continuationTokens: content.continuationTokens, timing, tokens };
    }
    return { ok: true, completion };
  }
}
