// Errors carry a stable `code` and say whether a retry may help. Nothing classifies errors by
// their message text (DESIGN.md §7); the CLI maps codes to exit codes and one-line messages.

export type ErrorCode =
  | 'USAGE' // bad command line
  | 'UNKNOWN_TASK'
  | 'DATA_MISSING' // a dataset file or folder is absent
  | 'DATA_MALFORMED' // a row or file does not parse or lacks a field
  | 'MODEL_MISSING' // a model file is absent
  | 'MODEL_CORRUPT' // a model file exists but cannot be loaded
  | 'CONFIG_INVALID' // config.json / generation_config.json / tokenizer files
  | 'CAPABILITY' // the backend cannot serve a task's request kind
  | 'BACKEND' // a backend failed while answering
  | 'TOKENIZER'
  | 'IMAGE' // an image of a sample is missing, does not decode or is too large: an error on that sample
  | 'RECORD' // a run record cannot be written or read
  | 'SCORING'
  | 'ABORTED' // the run was interrupted (Ctrl-C) or exceeded its error budget
  | 'INTERNAL';

export class HarnessError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HarnessError';
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** A problem in an input file, naming the file and (1-based) line or record. */
export class DataError extends HarnessError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string, options: { cause?: unknown; code?: ErrorCode } = {}) {
    super(options.code ?? 'DATA_MALFORMED', `${file}${line === undefined ? '' : `:${line}`}: ${problem}`, options);
    this.name = 'DataError';
    this.file = file;
    this.line = line;
  }
}

/** A problem with a model directory or one of its files. */
export class ModelError extends HarnessError {
  readonly file: string;

  constructor(code: 'MODEL_MISSING' | 'MODEL_CORRUPT' | 'CONFIG_INVALID' | 'TOKENIZER', file: string, problem: string, options: { cause?: unknown } = {}) {
    super(code, `${file}: ${problem}`, options);
    this.name = 'ModelError';
    this.file = file;
  }
}

export class UsageError extends HarnessError {
  constructor(message: string, code: 'USAGE' | 'UNKNOWN_TASK' = 'USAGE') {
    super(code, message);
    this.name = 'UsageError';
  }
}

/** Turn anything thrown into the plain-data error recorded on a sample. */
export function toSampleError(err: unknown): { code: string; message: string; retryable: boolean } {
  if (err instanceof HarnessError) return { code: err.code, message: err.message, retryable: err.retryable };
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message, retryable: false };
  return { code: 'INTERNAL', message: String(err), retryable: false };
}

export function isHarnessError(err: unknown): err is HarnessError {
  return err instanceof HarnessError;
}
