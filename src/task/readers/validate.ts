// Field validators for rows read from dataset files. Each failure names file, line and field,
// because "undefined is not a string" 14,000 rows into MMLU helps nobody.
import { DataError } from '../../core/index.ts';

/** Where a value came from, for error messages. */
export interface Location {
  file: string;
  line: number;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Require exactly `n` CSV columns. */
export function expectColumns(fields: readonly string[], n: number, at: Location): void {
  if (fields.length !== n) throw new DataError(at.file, at.line, `expected ${n} columns, found ${fields.length}`);
}

/** Require a JSON object (not an array, not null). */
export function expectObject(value: unknown, at: Location): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DataError(at.file, at.line, `expected a JSON object, found ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Require a string field of a JSON object. */
export function requireString(record: Record<string, unknown>, field: string, at: Location): string {
  if (!Object.hasOwn(record, field)) throw new DataError(at.file, at.line, `field "${field}" missing`);
  const value = record[field];
  if (typeof value !== 'string') {
    throw new DataError(at.file, at.line, `field "${field}" must be a string, found ${describe(value)}`);
  }
  return value;
}

/** Require a boolean field of a JSON object. */
export function requireBoolean(record: Record<string, unknown>, field: string, at: Location): boolean {
  if (!Object.hasOwn(record, field)) throw new DataError(at.file, at.line, `field "${field}" missing`);
  const value = record[field];
  if (typeof value !== 'boolean') {
    throw new DataError(at.file, at.line, `field "${field}" must be a boolean, found ${describe(value)}`);
  }
  return value;
}

/** Require a value to be one of `allowed`; returns its index in `allowed`. */
export function expectOneOf(value: string, allowed: readonly string[], field: string, at: Location): number {
  const index = allowed.indexOf(value);
  if (index === -1) {
    throw new DataError(at.file, at.line, `field "${field}" must be one of ${allowed.join(', ')}, found ${JSON.stringify(value)}`);
  }
  return index;
}
