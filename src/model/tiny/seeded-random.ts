// A tiny deterministic PRNG. Math.random cannot be seeded, and the test fixtures must be
// byte-identical for the same seed on every machine, so we use integer-only mulberry32 for the
// uniform stream (exact everywhere) and Box–Muller for normals.

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
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** One stream per (seed, name): a tensor's values do not change when other tensors are added or resized. */
  static forName(seed: number, name: string): SeededRandom {
    return new SeededRandom((hashString(name) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal via Box–Muller (the second value is discarded to keep the stream simple). */
  normal(): number {
    const u1 = 1 - this.next(); // (0, 1]: log stays finite
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
