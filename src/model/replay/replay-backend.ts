// `--model replay:FILE`: answers requests from saved outputs instead of a model, so a run record
// or published predictions can be re-scored and reported without inference. A request is matched
// by its key first: a run record keeps every request's key (each repeat's, each turn's of a
// conversation), so a record replays request by request. Otherwise by its origin (task, sample id,
// repeat): a prediction answers it, a record line made for another key is a mismatch (the prompt,
// a setting or the task version changed), not a silently reused answer. A request with no saved
// answer is an error on that sample.
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
import { readSavedAnswers, type SavedAnswer } from './saved-answer.ts';

export interface ReplayOptions {
  /** Name to record as the model's; default: the file's name. */
  modelName?: string;
}

function failure(code: string, message: string): Outcome {
  const error: SampleError = { code, message, retryable: false };
  return { ok: false, error };
}

/** (task, sample id, repeat) as one map key, as the record names a line (store's sampleIdentity). */
const identity = (o: { task: string; sampleId: string; repeat?: number }) => (o.repeat === undefined ? `${o.task}\u0000${o.sampleId}` : `${o.task}\u0000${o.sampleId}\u0000${o.repeat}`);
const sampleKey = (o: { task: string; sampleId: string }) => `${o.task}\u0000${o.sampleId}`;
const named = (o: { task: string; sampleId: string; repeat?: number }) => `${o.task} sample ${o.sampleId}${o.repeat === undefined ? '' : ` repeat ${o.repeat}`}`;

/** `map[key]`, created empty first. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  return list;
}

export class ReplayBackend implements Backend {
  readonly info: BackendInfo;
  readonly capabilities: Capabilities;
  readonly maxBatchSize = 64;
  readonly concurrency = 1;
  /** Every answer of a line, by the line's (task, sample id, repeat): a conversation's line has one per turn. */
  private readonly byIdentity = new Map<string, SavedAnswer[]>();
  /** Answers by request key; identical requests (duplicate questions) share a key and any of their answers will do. */
  private readonly byKey = new Map<string, SavedAnswer[]>();
  /** The repeats the file holds per (task, sample id), for the error that says what is there. */
  private readonly repeatsOf = new Map<string, number[]>();
  private readonly file: string;

  private constructor(file: string, answers: SavedAnswer[], fingerprint: string, options: ReplayOptions) {
    this.file = file;
    const lineOf = new Map<string, number>();
    for (const answer of answers) {
      const id = identity(answer);
      const seen = lineOf.get(id);
      if (seen !== undefined && seen !== answer.line) {
        throw new DataError(file, answer.line, `task "${answer.task}" sample "${answer.sampleId}"${answer.repeat === undefined ? '' : ` repeat ${answer.repeat}`} was already answered on line ${seen}`);
      }
      lineOf.set(id, answer.line);
      listIn(this.byIdentity, id).push(answer);
      if (answer.requestKey !== undefined) listIn(this.byKey, answer.requestKey).push(answer);
      if (answer.repeat !== undefined) listIn(this.repeatsOf, sampleKey(answer)).push(answer.repeat);
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
      details: { answers: answers.length, samples: lineCount(answers) },
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
      answers.push(...readSavedAnswers(value, file, i + 1));
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
    // The request itself was answered (a record's line or turn): that answer, from the same sample
    // and repeat when there is one, else from an identical request of another sample.
    const sameRequest = this.byKey.get(request.key);
    if (sameRequest !== undefined) {
      const own = origin === undefined ? undefined : sameRequest.find((a) => identity(a) === identity(origin));
      return own ?? (sameRequest[0] as SavedAnswer);
    }
    if (origin === undefined) return failure('REPLAY_MISSING', `${basename(this.file)} has no saved answer for request ${request.key}`);
    // A repeat is answered by its own line, else by a line without a repeat (a prediction answers every repeat).
    const lines = this.byIdentity.get(identity(origin)) ?? (origin.repeat === undefined ? undefined : this.byIdentity.get(identity({ task: origin.task, sampleId: origin.sampleId })));
    if (lines !== undefined) {
      const prediction = lines.find((a) => a.requestKey === undefined);
      if (prediction !== undefined) return prediction;
      const saved = lines[0] as SavedAnswer;
      return failure('REPLAY_MISMATCH', `${this.file}:${saved.line}: the saved answer to ${named(saved)} was made for a different request (its prompt, a run setting such as --seed, --max-tokens or --thinking, or the task version changed)`);
    }
    return failure('REPLAY_MISSING', `${basename(this.file)} has no saved answer for ${named(origin)}${this.repeatsHint(origin)}`);
  }

  /** When the file answers the sample but not this repeat: which repeats it has, so the user can match --repeats. */
  private repeatsHint(origin: { task: string; sampleId: string; repeat?: number }): string {
    const held = [...new Set(this.repeatsOf.get(sampleKey(origin)) ?? [])].sort((a, b) => a - b);
    if (held.length === 0) return '';
    return ` (the file holds repeats ${held.join(', ')} of it: replay with the --repeats and --seed of the run that saved them)`;
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

/** How many lines (answered samples) the answers came from. */
function lineCount(answers: readonly SavedAnswer[]): number {
  return new Set(answers.map((a) => a.line)).size;
}
