// Seeded weights for the tiny models: core's integer-only mulberry32 for the uniform stream (exact
// on every machine, so fixtures are byte-identical per seed) and Box–Muller for normals.
import { seededRandom } from '../../core/index.ts';

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export class SeededRandom {
  private readonly uniform: () => number;

  constructor(seed: number) {
    this.uniform = seededRandom(seed);
  }

  /** One stream per (seed, name): a tensor's values do not change when other tensors are added or resized. */
  static forName(seed: number, name: string): SeededRandom {
    return new SeededRandom((hashString(name) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    return this.uniform();
  }

  /** Standard normal via Box–Muller (the second value is discarded to keep the stream simple). */
  normal(): number {
    const u1 = 1 - this.next(); // (0, 1]: log stays finite
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
