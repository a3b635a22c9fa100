// Run ids name the record folder reports/<run-id>/: sortable by time, readable, and safe on every
// filesystem and in URLs (lower-case ASCII letters, digits and '-').
import { UsageError } from '../core/index.ts';

const LABEL_MAX = 40;

/**
 * `YYYYMMDD-HHMMSS-<label>-<hash6>`, e.g. `20261128-203015-smoke-1a2b3c`. The time is UTC so that
 * ids from CI machines in different zones sort together; the hash (usually the runSpecHash) tells
 * apart runs started in the same second. The label is reduced to [a-z0-9-]; an empty label is
 * left out.
 */
export function makeRunId(date: Date, label: string, hash: string): string {
  if (Number.isNaN(date.getTime())) throw new UsageError('run id: invalid date');
  const h = hash.toLowerCase();
  if (!/^[0-9a-f]{6,}$/.test(h)) throw new UsageError(`run id: hash "${hash}" is not at least 6 hex digits`);
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp =
    `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `-${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
  const safe = sanitizeLabel(label);
  return safe === '' ? `${stamp}-${h.slice(0, 6)}` : `${stamp}-${safe}-${h.slice(0, 6)}`;
}

/** Lower-case, anything outside [a-z0-9] becomes '-', runs collapsed, trimmed, at most 40 chars. */
export function sanitizeLabel(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, LABEL_MAX)
    .replace(/^-+|-+$/g, '');
}
