// Stable keys for requests: a hash of everything that determines the model's answer, so a cache
// or a resumed run can tell finished work apart, whatever the worker count or shard layout.
import { createHash } from 'node:crypto';
import type { RequestBody } from '../core/index.ts';

/** JSON with object keys sorted, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function requestKey(body: RequestBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex').slice(0, 32);
}
