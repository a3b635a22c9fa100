// Validators for the typed fields that JSON and Parquet rows carry besides strings (validate.ts
// has strings and booleans): integers such as answer indices, and lists of strings such as the
// options of a multiple-choice question. Failures name file, line (or row) and field.
import { DataError } from '../../core/index.ts';
import type { Location } from './validate.ts';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

/** Require an integer field (a JSON number without fraction, or a decoded Parquet INT32/INT64). */
export function requireInteger(record: Record<string, unknown>, field: string, at: Location): number {
  if (!Object.hasOwn(record, field)) throw new DataError(at.file, at.line, `field "${field}" missing`);
  const value = record[field];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new DataError(at.file, at.line, `field "${field}" must be an integer, found ${describe(value)}`);
  }
  return value;
}

/** Require a non-empty list of strings. */
export function requireStringList(record: Record<string, unknown>, field: string, at: Location): string[] {
  if (!Object.hasOwn(record, field)) throw new DataError(at.file, at.line, `field "${field}" missing`);
  const value = record[field];
  if (!Array.isArray(value) || value.length === 0) throw new DataError(at.file, at.line, `field "${field}" must be a non-empty list of strings, found ${describe(value)}`);
  const bad = value.findIndex((v) => typeof v !== 'string');
  if (bad !== -1) throw new DataError(at.file, at.line, `field "${field}" item ${bad} must be a string, found ${describe(value[bad])}`);
  return value as string[];
}
