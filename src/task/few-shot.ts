// Few-shot examples drawn at random from a training split (lm-evaluation-harness's default
// sampler draws `n` train documents per test document). lm-eval's draws depend on Python's
// Mersenne Twister and on the order the documents are visited, so they cannot be reproduced
// here; ours are a pure function of (seed, sample id) instead: the same sample gets the same
// shots whatever --limit, --shard or worker order, which keeps request keys stable.
import { seededRandom } from '../core/index.ts';

/** 32-bit FNV-1a of a string's UTF-16 code units: a seed from a sample id. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * `n` distinct items of `pool`, in draw order, chosen by a PRNG seeded with `seed` and `key`
 * (normally the test sample's id). Items for which `skip` is true (the test item itself, when
 * shots come from the evaluated split) are passed over. Returns fewer than `n` only when the
 * pool has fewer eligible items. Sparse Fisher-Yates: O(n) time and memory, whatever the pool size.
 */
export function drawFewShot<T>(pool: readonly T[], n: number, key: string, seed = 1234, skip?: (item: T) => boolean): T[] {
  const random = seededRandom((fnv1a(key) ^ seed) >>> 0);
  const swapped = new Map<number, number>();
  const out: T[] = [];
  for (let i = 0; i < pool.length && out.length < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    const item = pool[picked] as T;
    if (skip === undefined || !skip(item)) out.push(item);
  }
  return out;
}
