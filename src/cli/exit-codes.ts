// Exit codes are part of the interface CI jobs script against (README "Exit codes").
import type { ErrorCode } from '../core/index.ts';

export const EXIT = {
  ok: 0,
  /** Reserved for gates: the run worked and found a regression (compare, nightly). */
  regression: 1,
  /** Bad input: command line, task name, dataset, model directory, capabilities. */
  badInput: 2,
  /** The run started but failed or was aborted (error budget, backend failure). */
  failed: 3,
  /** Stopped by Ctrl-C / SIGINT; the record holds what was done. */
  interrupted: 130,
} as const;

const INPUT_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'USAGE',
  'UNKNOWN_TASK',
  'DATA_MISSING',
  'DATA_MALFORMED',
  'MODEL_MISSING',
  'MODEL_CORRUPT',
  'CONFIG_INVALID',
  'TOKENIZER',
  'CAPABILITY',
]);

export function exitCodeFor(code: ErrorCode): number {
  return INPUT_ERRORS.has(code) ? EXIT.badInput : EXIT.failed;
}
