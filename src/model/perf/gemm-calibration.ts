// The achievable peak of this machine: FLOP/s of a large fp32 GEMM run through onnxruntime (the
// same runtime and kernels the ONNX backend uses), cached per machine so a run can report MFU
// against what is reachable here next to the theoretical peak. `ernie-eval calibrate` refreshes it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { HarnessError } from '../../core/index.ts';
import { cacheRoot } from '../default-model.ts';
import { OnnxGraphBuilder } from '../tiny/onnx-graph-builder.ts';

export interface GemmCalibration {
  /** Median FLOP/s over the timed runs (2·M·N·K per run). */
  flopsPerSecond: number;
  /** FLOP/s of the fastest run. */
  bestFlopsPerSecond: number;
  m: number;
  n: number;
  k: number;
  threads: number;
  runs: number;
  cpuModel: string;
  logicalCpus: number;
  onnxruntime: string;
  /** ISO 8601 UTC. */
  measuredAt: string;
}

export interface CalibrationOptions {
  /** M = N = K. Default: 1024 and 2048, keeping the better median (a GEMM too small for the CPU's caches understates the achievable peak). */
  size?: number;
  runs?: number;
  threads?: number;
}

function matmulModel(size: number): Uint8Array {
  const g = new OnnxGraphBuilder('gemm_calibration');
  const a = g.input('a', 'float32', [size, size]);
  // Deterministic non-trivial weights: values do not change the speed, denormals would.
  const w = new Float32Array(size * size).map((_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const b = g.initializer('b', [size, size], w);
  g.output('c', g.op('MatMul', [a, b]), 'float32', [size, size]);
  return g.serialize().model;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function onnxruntimeVersion(): string {
  return ort.env.versions?.node ?? ort.env.versions?.common ?? 'unknown';
}

/**
 * The achievable peak: the best median over the sizes tried. On this project's 2-core machine a
 * single 1024³ GEMM measured below what a 60M-parameter prefill then reached (MFU > 100%).
 */
export async function calibrateGemm(options: CalibrationOptions = {}): Promise<GemmCalibration> {
  const runs = Math.max(1, options.runs ?? 10);
  const threads = Math.max(1, options.threads ?? availableParallelism());
  let best: GemmCalibration | undefined;
  for (const size of options.size === undefined ? [1024, 2048] : [options.size]) {
    const measured = await calibrateAtSize(size, runs, threads);
    if (best === undefined || measured.flopsPerSecond > best.flopsPerSecond) best = measured;
  }
  return best as GemmCalibration;
}

/** Times `runs` MatMuls of size³ after two warm-up runs (not timed: first-call packing and thread spin-up). */
async function calibrateAtSize(size: number, runs: number, threads: number): Promise<GemmCalibration> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(matmulModel(size), { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
  } catch (err) {
    throw new HarnessError('BACKEND', `onnxruntime could not load the calibration GEMM: ${(err as Error).message}`, { cause: err });
  }
  try {
    const input = new ort.Tensor('float32', new Float32Array(size * size).fill(0.5), [size, size]);
    for (let i = 0; i < 2; i++) await session.run({ a: input });
    const seconds: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await session.run({ a: input });
      seconds.push((performance.now() - t0) / 1000);
    }
    const flops = 2 * size * size * size;
    return {
      flopsPerSecond: flops / median(seconds),
      bestFlopsPerSecond: flops / Math.min(...seconds),
      m: size,
      n: size,
      k: size,
      threads,
      runs,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      logicalCpus: availableParallelism(),
      onnxruntime: onnxruntimeVersion(),
      measuredAt: new Date().toISOString(),
    };
  } finally {
    await session.release();
  }
}

/** Where this machine's calibration is cached: keyed by CPU model, CPU count and onnxruntime version. */
export function calibrationCachePath(): string {
  const key = createHash('sha256').update(`${cpus()[0]?.model ?? ''}|${availableParallelism()}|${onnxruntimeVersion()}`).digest('hex').slice(0, 16);
  return join(cacheRoot(), 'calibration', `gemm-${key}.json`);
}

export function writeCachedCalibration(c: GemmCalibration, file = calibrationCachePath()): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`);
  return file;
}

/** The cached calibration of this machine, or null when none was measured (or the file is not one). */
export function readCachedCalibration(file = calibrationCachePath()): GemmCalibration | null {
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<GemmCalibration>;
    return typeof value.flopsPerSecond === 'number' && value.flopsPerSecond > 0 && typeof value.measuredAt === 'string' ? (value as GemmCalibration) : null;
  } catch {
    return null;
  }
}
