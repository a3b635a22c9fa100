// One saved answer of a replay file, whatever format it came in, and the readers of the formats
// we accept. A format is one function: it recognises its lines and turns them into SavedAnswers,
// so the formats of benchmark authors (multimodal and text issues) join by adding a reader here.
// A line names one answered sample, (task, sample id, repeat) as a record does; a multi-turn
// sample's line gives one answer per turn, each keyed by that turn's own request.
import { DataError, type SampleError, type Timing, type TokenCounts } from '../../core/index.ts';

export type SavedContent =
  | { kind: 'generate'; text: string; reasoning?: string; finishReason?: 'stop' | 'length' | 'eos' }
  | { kind: 'loglikelihood'; logprobs: number[]; greedy: boolean[]; continuationTokens: number[] }
  /** The sample failed in the run that saved it; replaying keeps it failed. */
  | { kind: 'error'; error: SampleError };

export interface SavedAnswer {
  task: string;
  sampleId: string;
  /** Which of the run's repeated answers to the sample this is (`--repeats`); absent: the sample was asked once, or (a prediction) any repeat. */
  repeat?: number;
  /** 1-based turn of a multi-turn sample (a record line with `turns`); absent: a single request. */
  turn?: number;
  /** The request key, when the format records it (a run record does): a replay then answers only that exact request. */
  requestKey?: string;
  content: SavedContent;
  timing?: Timing;
  tokens?: TokenCounts;
  line: number;
}

export interface ReplayFormat {
  name: string;
  /** Whether this line is in this format (a cheap look at its fields). */
  recognises(value: Record<string, unknown>): boolean;
  /** The line's answers: one, or one per turn of a multi-turn sample, all with the line's task, sample id and repeat. */
  read(value: Record<string, unknown>, file: string, line: number): SavedAnswer[];
}

function field<T>(value: Record<string, unknown>, key: string, check: (v: unknown) => v is T, what: string, file: string, line: number): T {
  const v = value[key];
  if (!check(v)) throw new DataError(file, line, `field "${key}" must be ${what}`);
  return v;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const isBooleanList = (v: unknown): v is boolean[] => Array.isArray(v) && v.every((x) => typeof x === 'boolean');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const FINISH = new Set(['stop', 'length', 'eos']);

/** `repeat`, when present, is a non-negative integer (a record's 0-based repeat index). */
function optionalRepeat(value: Record<string, unknown>, file: string, line: number): { repeat?: number } {
  const repeat = value['repeat'];
  if (repeat === undefined || repeat === null) return {};
  if (typeof repeat !== 'number' || !Number.isSafeInteger(repeat) || repeat < 0) throw new DataError(file, line, 'field "repeat" must be a non-negative integer when present');
  return { repeat };
}

type RequestKind = 'generate' | 'loglikelihood';

/**
 * What one request of a record line got: its `completion` or its `error`. `where` names the part
 * of the line in messages ("" for the line itself, "turns[1]." for a turn).
 */
function recordedContent(value: Record<string, unknown>, kind: RequestKind, where: string, file: string, line: number): SavedContent {
  const completion = value['completion'];
  const error = value['error'];
  if (isObject(completion)) {
    if (kind === 'generate') {
      const text = field(completion, 'text', isString, `a string (${where}completion.text)`, file, line);
      const reasoning = completion['reasoning'];
      const finish = completion['finishReason'];
      return {
        kind,
        text,
        ...(isString(reasoning) ? { reasoning } : {}),
        ...(typeof finish === 'string' && FINISH.has(finish) ? { finishReason: finish as 'stop' | 'length' | 'eos' } : {}),
      };
    }
    const logprobs = field(completion, 'logprobs', isNumberList, `a list of numbers (${where}completion.logprobs)`, file, line);
    const greedy = field(completion, 'greedy', isBooleanList, `a list of booleans (${where}completion.greedy)`, file, line);
    const continuationTokens = field(completion, 'continuationTokens', isNumberList, `a list of numbers (${where}completion.continuationTokens)`, file, line);
    if (greedy.length !== logprobs.length || continuationTokens.length !== logprobs.length) throw new DataError(file, line, `${where}completion.logprobs, greedy and continuationTokens must have the same length`);
    return { kind, logprobs, greedy, continuationTokens };
  }
  if (isObject(error)) {
    return {
      kind: 'error',
      error: {
        code: field(error, 'code', isString, `a string (${where}error.code)`, file, line),
        message: field(error, 'message', isString, `a string (${where}error.message)`, file, line),
        retryable: error['retryable'] === true,
      },
    };
  }
  throw new DataError(file, line, where === '' ? 'a sample result needs a "completion" or an "error"' : `${where.slice(0, -1)} needs a "completion" or an "error"`);
}

/** The timing and token counts a record kept for a request (the efficiency of a replay is the original run's). */
function measured(value: Record<string, unknown>): Pick<SavedAnswer, 'timing' | 'tokens'> {
  const timing = value['timing'];
  const tokens = value['tokens'];
  return { ...(isObject(timing) ? { timing: timing as unknown as Timing } : {}), ...(isObject(tokens) ? { tokens: tokens as unknown as TokenCounts } : {}) };
}

/**
 * A line of a run record's samples.jsonl (schema/sample-result.schema.json). A multi-turn sample's
 * line (`turns`) answers each turn from that turn's own fields: its key, answer or error, timing
 * and tokens; the line's top-level answer is only its last turn's again, so it is not used.
 */
export const RECORD_FORMAT: ReplayFormat = {
  name: 'ernie-eval samples.jsonl',
  recognises: (value) => value['schema'] === 'ernie-eval/sample-result@1',
  read(value, file, line) {
    const task = field(value, 'task', isString, 'a string', file, line);
    const sampleId = field(value, 'sampleId', isString, 'a string', file, line);
    const requestKey = field(value, 'requestKey', isString, 'a string', file, line);
    const kind = field(value, 'requestKind', (v): v is RequestKind => v === 'generate' || v === 'loglikelihood', '"generate" or "loglikelihood"', file, line);
    const origin = { task, sampleId, ...optionalRepeat(value, file, line) };
    const turns = value['turns'];
    if (turns === undefined || turns === null) return [{ ...origin, requestKey, content: recordedContent(value, kind, '', file, line), ...measured(value), line }];
    if (!Array.isArray(turns) || turns.length === 0) throw new DataError(file, line, 'field "turns" must be a non-empty list when present');
    return turns.map((turn: unknown, i): SavedAnswer => {
      const where = `turns[${i}].`;
      if (!isObject(turn)) throw new DataError(file, line, `${where.slice(0, -1)} must be an object`);
      const key = field(turn, 'requestKey', isString, `a string (${where}requestKey)`, file, line);
      return { ...origin, turn: i + 1, requestKey: key, content: recordedContent(turn, kind, where, file, line), ...measured(turn), line };
    });
  },
};

/**
 * `{"task", "sample_id", "output", "reasoning"?, "repeat"?}`: generated outputs from anywhere
 * (src/model/replay/README.md). Without `repeat` the line answers every repeat of its sample.
 */
export const PREDICTIONS_FORMAT: ReplayFormat = {
  name: 'predictions',
  recognises: (value) => 'sample_id' in value && 'output' in value,
  read(value, file, line) {
    const task = field(value, 'task', isString, 'a string', file, line);
    const sampleIdValue = value['sample_id'];
    if (typeof sampleIdValue !== 'string' && typeof sampleIdValue !== 'number') throw new DataError(file, line, 'field "sample_id" must be a string or a number');
    const output = field(value, 'output', isString, 'a string', file, line);
    const reasoning = value['reasoning'];
    if (reasoning !== undefined && reasoning !== null && !isString(reasoning)) throw new DataError(file, line, 'field "reasoning" must be a string when present');
    return [{ task, sampleId: String(sampleIdValue), ...optionalRepeat(value, file, line), content: { kind: 'generate', text: output, ...(isString(reasoning) ? { reasoning } : {}) }, line }];
  },
};

export const REPLAY_FORMATS: readonly ReplayFormat[] = [RECORD_FORMAT, PREDICTIONS_FORMAT];

/** The answers of one line of a replay file (several for a multi-turn record line). */
export function readSavedAnswers(value: unknown, file: string, line: number): SavedAnswer[] {
  if (!isObject(value)) throw new DataError(file, line, 'each line must be a JSON object');
  const format = REPLAY_FORMATS.find((f) => f.recognises(value));
  if (format === undefined) {
    throw new DataError(file, line, `not a known replay line: expected a run record's samples.jsonl line (schema "ernie-eval/sample-result@1") or a prediction {"task", "sample_id", "output"}`);
  }
  return format.read(value, file, line);
}
