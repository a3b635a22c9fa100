// One saved answer of a replay file, whatever format it came in, and the readers of the formats
// we accept. A format is one function: it recognises its lines and turns them into SavedAnswers,
// so the formats of benchmark authors (multimodal and text issues) join by adding a reader here.
import { DataError, type SampleError, type Timing, type TokenCounts } from '../../core/index.ts';

export type SavedContent =
  | { kind: 'generate'; text: string; reasoning?: string; finishReason?: 'stop' | 'length' | 'eos' }
  | { kind: 'loglikelihood'; logprobs: number[]; greedy: boolean[]; continuationTokens: number[] }
  /** The sample failed in the run that saved it; replaying keeps it failed. */
  | { kind: 'error'; error: SampleError };

export interface SavedAnswer {
  task: string;
  sampleId: string;
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
  read(value: Record<string, unknown>, file: string, line: number): SavedAnswer;
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

/** A line of a run record's samples.jsonl (schema/sample-result.schema.json). */
export const RECORD_FORMAT: ReplayFormat = {
  name: 'ernie-eval samples.jsonl',
  recognises: (value) => value['schema'] === 'ernie-eval/sample-result@1',
  read(value, file, line) {
    const task = field(value, 'task', isString, 'a string', file, line);
    const sampleId = field(value, 'sampleId', isString, 'a string', file, line);
    const requestKey = field(value, 'requestKey', isString, 'a string', file, line);
    const kind = field(value, 'requestKind', (v): v is 'generate' | 'loglikelihood' => v === 'generate' || v === 'loglikelihood', '"generate" or "loglikelihood"', file, line);
    const completion = value['completion'];
    const error = value['error'];
    let content: SavedContent;
    if (isObject(completion)) {
      if (kind === 'generate') {
        const text = field(completion, 'text', isString, 'a string (completion.text)', file, line);
        const reasoning = completion['reasoning'];
        const finish = completion['finishReason'];
        content = {
          kind,
          text,
          ...(isString(reasoning) ? { reasoning } : {}),
          ...(typeof finish === 'string' && FINISH.has(finish) ? { finishReason: finish as 'stop' | 'length' | 'eos' } : {}),
        };
      } else {
        const logprobs = field(completion, 'logprobs', isNumberList, 'a list of numbers (completion.logprobs)', file, line);
        const greedy = field(completion, 'greedy', isBooleanList, 'a list of booleans (completion.greedy)', file, line);
        const continuationTokens = field(completion, 'continuationTokens', isNumberList, 'a list of numbers (completion.continuationTokens)', file, line);
        if (greedy.length !== logprobs.length || continuationTokens.length !== logprobs.length) throw new DataError(file, line, 'completion.logprobs, greedy and continuationTokens must have the same length');
        content = { kind, logprobs, greedy, continuationTokens };
      }
    } else if (isObject(error)) {
      content = {
        kind: 'error',
        error: {
          code: field(error, 'code', isString, 'a string (error.code)', file, line),
          message: field(error, 'message', isString, 'a string (error.message)', file, line),
          retryable: error['retryable'] === true,
        },
      };
    } else throw new DataError(file, line, 'a sample result needs a "completion" or an "error"');
    const timing = value['timing'];
    const tokens = value['tokens'];
    return {
      task,
      sampleId,
      requestKey,
      content,
      ...(isObject(timing) ? { timing: timing as unknown as Timing } : {}),
      ...(isObject(tokens) ? { tokens: tokens as unknown as TokenCounts } : {}),
      line,
    };
  },
};

/** `{"task", "sample_id", "output", "reasoning"?}`: generated outputs from anywhere (src/model/replay/README.md). */
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
    return { task, sampleId: String(sampleIdValue), content: { kind: 'generate', text: output, ...(isString(reasoning) ? { reasoning } : {}) }, line };
  },
};

export const REPLAY_FORMATS: readonly ReplayFormat[] = [RECORD_FORMAT, PREDICTIONS_FORMAT];

export function readSavedAnswer(value: unknown, file: string, line: number): SavedAnswer {
  if (!isObject(value)) throw new DataError(file, line, 'each line must be a JSON object');
  const format = REPLAY_FORMATS.find((f) => f.recognises(value));
  if (format === undefined) {
    throw new DataError(file, line, `not a known replay line: expected a run record's samples.jsonl line (schema "ernie-eval/sample-result@1") or a prediction {"task", "sample_id", "output"}`);
  }
  return format.read(value, file, line);
}
