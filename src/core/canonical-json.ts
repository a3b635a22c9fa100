// Canonical JSON: object keys sorted at every depth, so that the same value always has the same
// text and hash whatever order its keys were built in (the runSpecHash must not change because a
// flag parser assigned fields in a different order; a request key must not change because a task
// built its body in another order). The one pure helper in core: store (run-spec hash) and task
// (request keys) both need it and may import only core.
import { createHash } from 'node:crypto';

/**
 * JSON.stringify with sorted object keys. Follows JSON.stringify otherwise (undefined properties
 * dropped, toJSON honoured), except that non-finite numbers throw: JSON would write them as null,
 * and a hash that cannot tell NaN from null hides bugs.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`canonicalJson: non-finite number ${v}`);
    // Bytes (image parts) hash as base64, not as an object of numbered keys.
    if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
  // JSON.stringify returns undefined for undefined/functions at the top level.
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** sha256 (hex) of the canonical JSON of a value. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
