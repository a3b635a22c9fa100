// Typed option parsing over node:util parseArgs: unknown flags and bad values are usage errors
// with one clear line, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/index.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseCommand(command: string, argv: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message} (see \`ernie-eval ${command} --help\`)`);
  }
}

export function intOption(name: string, value: string | boolean | undefined, { min = 0 }: { min?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${String(value)}"`);
  return n;
}

export function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function oneOf<T extends string>(name: string, value: string | boolean | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${String(value)}"`);
}
