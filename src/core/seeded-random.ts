// mulberry32: a small, fast, integer-only seeded PRNG. Math.random cannot be seeded, and token
// sampling, bootstrap resampling and the tiny models' weights must repeat exactly on every
// machine. Pure and dependency-free, so it lives in core beside canonical-json: model and scoring
// both need it and may import only core.

/** A uniform stream in [0, 1) with 32 bits of resolution, fully determined by `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
