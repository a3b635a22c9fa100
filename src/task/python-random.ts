// Python's `random.Random` (CPython's Mersenne Twister, Lib/random.py + Modules/_randommodule.c),
// reproduced so that the items reference harnesses pick at random are the same items here:
// - lm-evaluation-harness draws few-shot examples with `random.Random(1234).sample(docs, n)`,
//   advancing one generator through the evaluation documents in order (HellaSwag, WinoGrande);
// - simple-evals shuffles GPQA's four answers with `random.Random(0).sample(range(4), 4)`, one
//   draw per question in file order.
// Only what those calls need: integer seeding, getrandbits(k ≤ 32), _randbelow and sample().
// Checked against CPython 3 outputs in test/unit/task/python-random.test.ts.

const N = 624;
const M = 397;

export class PythonRandom {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** `random.Random(seed)` for a non-negative integer seed below 2^53. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
    // CPython seeds an int with its absolute value split into 32-bit words, least significant first.
    const key: number[] = [];
    let rest = seed;
    do {
      key.push(rest % 0x100000000);
      rest = Math.floor(rest / 0x100000000);
    } while (rest > 0);
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] as number;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] = ((((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1664525)) >>> 0) + (key[j] as number) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] = ((((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) >>> 0) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private twist(): void {
    const mt = this.mt;
    for (let kk = 0; kk < N; kk++) {
      const y = ((mt[kk] as number) & 0x80000000) | ((mt[(kk + 1) % N] as number) & 0x7fffffff);
      mt[kk] = ((mt[(kk + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    }
    this.index = 0;
  }

  /** genrand_uint32: the next 32-bit output. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `getrandbits(k)` for 0 ≤ k ≤ 32. */
  getrandbits(k: number): number {
    if (k < 0 || k > 32 || !Number.isInteger(k)) throw new RangeError(`getrandbits supports 0..32 bits, got ${k}`);
    if (k === 0) return 0;
    return this.nextUint32() >>> (32 - k);
  }

  /** `_randbelow(n)`: uniform in [0, n) by rejection on n.bit_length() random bits. */
  randbelow(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0xffffffff) throw new RangeError(`randbelow needs 1 ≤ n < 2^32, got ${n}`);
    const k = 32 - Math.clz32(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /**
   * `sample(population, k)`: k distinct items in selection order. CPython picks one of two
   * algorithms by the population size (a partial shuffle of a copy for small populations, a
   * rejection set for large ones); they consume the generator differently, so both are kept.
   */
  sample<T>(population: readonly T[], k: number): T[] {
    const n = population.length;
    if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError('sample larger than population or negative');
    const result: T[] = [];
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = [...population];
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result.push(pool[j] as T);
        pool[j] = pool[n - i - 1] as T;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result.push(population[j] as T);
      }
    }
    return result;
  }
}

/**
 * The few-shot draws of lm-evaluation-harness's default sampler (lm_eval/api/samplers.py
 * ContextSampler, seeded with the default fewshot_random_seed 1234 once per task), for every
 * evaluation document in order: document i gets the pool indices of the i-th draw. When the
 * task has no separate test split configured (HellaSwag, WinoGrande) lm-eval draws n + 1 and
 * drops the evaluated document if it is among them (`eval_doc`, never true when the pool is the
 * training split), so `drawOneMore` takes n + 1 and keeps the first n. Equal to a single-process
 * lm-eval run (with data-parallel ranks each rank advances its own generator).
 */
export function lmEvalShotIndices(evalCount: number, poolSize: number, n: number, options: { seed?: number; drawOneMore: boolean }): number[][] {
  const rng = new PythonRandom(options.seed ?? 1234);
  const pool = Array.from({ length: poolSize }, (_, i) => i);
  const draw = options.drawOneMore ? n + 1 : n;
  return Array.from({ length: evalCount }, () => rng.sample(pool, draw).slice(0, n));
}
