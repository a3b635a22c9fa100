// Reading the JSON files of a model directory, with errors that name the file.
import { existsSync, readFileSync } from 'node:fs';
import { ModelError } from '../core/index.ts';

export function readModelJson(file: string, code: 'CONFIG_INVALID' | 'TOKENIZER' = 'CONFIG_INVALID'): Record<string, unknown> {
  if (!existsSync(file)) throw new ModelError('MODEL_MISSING', file, 'file not found');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ModelError(code, file, `not valid JSON (${(err as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ModelError(code, file, 'expected a JSON object at the top level');
  }
  return parsed as Record<string, unknown>;
}

/** Read a JSON file if present; undefined when absent (optional files such as generation_config.json). */
export function readOptionalModelJson(file: string): Record<string, unknown> | undefined {
  return existsSync(file) ? readModelJson(file) : undefined;
}
