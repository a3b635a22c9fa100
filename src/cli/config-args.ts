// Command-line values shared by `mfu` and `run`: positive numbers (also written as percentages)
// and a model's config.json given as the file or its directory.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/index.ts';

export function positiveNumber(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${text}"`);
  return n;
}

export function readConfigArg(path: string, flag = 'config'): Record<string, unknown> {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, 'config.json');
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw new UsageError(`--${flag} ${file}: ${(err as Error).message}`);
  }
}
