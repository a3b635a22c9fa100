// FLOPs counted from the ONNX graph as onnxruntime executed it: one profiled forward pass with
// graph optimizations off (so nodes are the graph's own, not fused kernels), then 2·M·N·K for every
// MatMul / Gemm from the shapes the profiler recorded. This is the independent check of the config
// FLOPs model (docs/efficiency.md): it counts what the graph computes, including masked attention
// scores and, for the tiny MoE, every expert.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { HarnessError } from '../../core/index.ts';
import { loadModelDir } from '../model-dir.ts';

export interface GraphFlops {
  /** Σ 2·M·N·K over executed MatMul / Gemm nodes. */
  matmulFlops: number;
  /** Per node name, for reading where the FLOPs went. */
  byNode: Record<string, number>;
  matmulNodes: number;
}

type Shape = number[];

function shapesOf(value: unknown): Shape[] {
  // The profiler writes [{ "float": [1, 5, 64] }, ...]: one single-key object per input.
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const dims = typeof entry === 'object' && entry !== null ? Object.values(entry)[0] : undefined;
    return Array.isArray(dims) ? dims.map(Number) : [];
  });
}

/** 2·M·N·K of a (batched, broadcasting) MatMul from its output and first input shapes. */
export function matmulFlops(a: Shape, out: Shape): number {
  const k = a.length === 1 ? (a[0] ?? 0) : (a[a.length - 1] ?? 0);
  const outputs = out.reduce((p, d) => p * d, 1);
  return 2 * outputs * k;
}

/** FLOPs of the events of one onnxruntime profile (a Chrome trace JSON array). */
export function flopsFromProfile(events: unknown): GraphFlops {
  if (!Array.isArray(events)) throw new HarnessError('INTERNAL', 'onnxruntime profile is not a JSON array');
  const byNode: Record<string, number> = {};
  let total = 0;
  let nodes = 0;
  for (const e of events as Record<string, unknown>[]) {
    if (e['cat'] !== 'Node' || typeof e['name'] !== 'string' || !e['name'].endsWith('_kernel_time')) continue;
    const args = (e['args'] ?? {}) as Record<string, unknown>;
    const op = args['op_name'];
    if (op !== 'MatMul' && op !== 'Gemm' && op !== 'FusedMatMul') continue;
    const [a] = shapesOf(args['input_type_shape']);
    const [out] = shapesOf(args['output_type_shape']);
    if (a === undefined || out === undefined) continue;
    const flops = matmulFlops(a, out);
    const name = e['name'].replace(/_kernel_time$/, '');
    byNode[name] = (byNode[name] ?? 0) + flops;
    total += flops;
    nodes++;
  }
  return { matmulFlops: total, byNode, matmulNodes: nodes };
}

/**
 * Runs the model directory's decoder once on `sequenceLength` tokens (batch 1, empty cache) with
 * profiling on and counts the executed MatMul FLOPs.
 */
export async function countGraphFlops(modelDir: string, sequenceLength: number): Promise<GraphFlops> {
  const dir = loadModelDir(modelDir, 'fp32');
  const { config } = dir;
  const profileDir = mkdtempSync(join(tmpdir(), 'ernie-eval-profile-'));
  let session: ort.InferenceSession | undefined;
  try {
    session = await ort.InferenceSession.create(dir.onnx.model, {
      intraOpNumThreads: 1,
      graphOptimizationLevel: 'disabled',
      enableProfiling: true,
      profileFilePrefix: join(profileDir, 'graph-flops'),
    });
    const s = sequenceLength;
    const ids = BigInt64Array.from({ length: s }, (_, i) => BigInt((i % Math.max(1, config.vocabSize - 1)) + 1));
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', ids, [1, s]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(s).fill(1n), [1, s]),
      position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: s }, (_, i) => BigInt(i)), [1, s]),
    };
    for (let i = 0; i < config.numLayers; i++) {
      for (const kind of ['key', 'value']) feeds[`past_key_values.${i}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [1, config.numKvHeads, 0, config.headDim]);
    }
    await session.run(feeds);
    session.endProfiling();
    const file = readdirSync(profileDir).find((f) => f.endsWith('.json'));
    if (file === undefined) throw new HarnessError('INTERNAL', 'onnxruntime wrote no profile');
    return flopsFromProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')));
  } finally {
    await session?.release();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
