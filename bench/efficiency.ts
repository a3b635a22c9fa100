// Efficiency targets of issue 6, measured side by side in one run; prints figures and ratios,
// asserts nothing about time (DESIGN.md §7).
//
//   npx tsx bench/efficiency.ts [--questions 40] [--prefill-batch 4] [--prefill-seq 256]
//
// 1. Peaks: this CPU's theoretical fp32 peak and a 1024³ GEMM through onnxruntime (calibrated).
// 2. Prefill MFU of a tiny ERNIE made larger (≈ 60M parameters): model FLOPs (active, causal) of
//    one batched prompt pass ÷ its median time, against both peaks.
// 3. MC log-likelihood: the harness (OnnxPool, 2 workers, batch 8, context KV reuse) vs the same
//    ONNX model driven through Transformers.js the obvious way (one forward per choice):
//    same log-likelihoods, and the speed ratio.
// 4. Harness overhead: runEvaluation with 1 worker vs a bare loop of the same session.run calls:
//    OnnxModel.answer (what the worker runs: same sub-batching) over the same batches, in a worker
//    thread of its own, on one session with the worker's thread count; no pool, scoring or record.
// 5. Scaling: 2 workers vs 1 worker on the same requests.
import { existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import { AutoModelForCausalLM, env, Tensor } from '@huggingface/transformers';
import type { LoglikelihoodRequest } from '../src/core/index.ts';
import { DecoderSession, loadModelDir, OnnxModel } from '../src/model/index.ts';
import { calibrateGemm, readModelConfigJson } from '../src/model/perf/index.ts';
import { makeTinyModel } from '../src/model/tiny/index.ts';
import { detectCpuPeak, forwardFlops, makeFlopsModel, parseModelShape } from '../src/perf/index.ts';
import { makeBatches, OnnxPool, runEvaluation, workerExecArgv, type Progress } from '../src/runner/index.ts';
import { buildManifest, RecordWriter } from '../src/store/index.ts';
import { loadTask, prepareTask, type PreparedTask } from '../src/task/index.ts';

const { values } = parseArgs({ options: { questions: { type: 'string', default: '40' }, 'prefill-batch': { type: 'string', default: '4' }, 'prefill-seq': { type: 'string', default: '256' } } });
const G = 1e9;
const cores = availableParallelism();
const quiet: Progress = { start() {}, advance() {}, finish() {} };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

// 1. Peaks
const cpu = detectCpuPeak();
const gemm = await calibrateGemm({ size: 1024, runs: 10 });
console.log(`\n1. Peaks (${cores} logical CPUs)`);
console.log(`   theoretical: ${cpu === null ? 'unknown' : `${(cpu.flops / G).toFixed(1)} GFLOP/s (${cpu.basis})`}`);
console.log(`   calibrated:  ${(gemm.flopsPerSecond / G).toFixed(1)} GFLOP/s median, ${(gemm.bestFlopsPerSecond / G).toFixed(1)} best (1024³ fp32 MatMul, onnxruntime ${gemm.onnxruntime}, ${gemm.threads} threads)`);

// 2. Prefill MFU on a ≈ 60M-parameter model
const bigDir = join(mkdtempSync(join(tmpdir(), 'bench-eff-')), 'model');
await makeTinyModel({ arch: 'ernie4_5', outDir: bigDir, seed: 3, externalData: true, sizes: { hiddenSize: 640, intermediateSize: 2560, numLayers: 10, numHeads: 10, numKvHeads: 2, headDim: 64 } });
const bigModel = makeFlopsModel(parseModelShape(readModelConfigJson(bigDir)));
const batch = Number(values['prefill-batch']);
const seq = Number(values['prefill-seq']);
const big = loadModelDir(bigDir, 'fp32');
const session = await DecoderSession.open(big.onnx.model, big.config, { threads: cores });
const ids = BigInt64Array.from({ length: batch * seq }, (_, i) => BigInt((i * 31) % 1000 + 3));
const input = { batch, seq, inputIds: ids, attentionMask: new BigInt64Array(batch * seq).fill(1n), positionIds: BigInt64Array.from({ length: batch * seq }, (_, i) => BigInt(i % seq)), past: null };
for (let i = 0; i < 2; i++) await session.forward(input);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  await session.forward(input);
  times.push((performance.now() - t0) / 1000);
}
const prefillSeconds = median(times);
const modelFlops = batch * forwardFlops(bigModel, seq);
const executed = batch * forwardFlops(makeFlopsModel(bigModel.shape, { attention: 'full-square' }), seq);
const achieved = modelFlops / prefillSeconds;
console.log(`\n2. Prefill, ${(bigModel.activeParameters / 1e6).toFixed(1)}M active parameters, batch ${batch} × ${seq} tokens, median of 5: ${(prefillSeconds * 1000).toFixed(0)} ms`);
console.log(`   model FLOPs ${(modelFlops / G).toFixed(1)} G (graph executes ${(executed / G).toFixed(1)} G: masked scores) → ${(achieved / G).toFixed(1)} GFLOP/s`);
console.log(`   prefill MFU: ${cpu === null ? 'n/a' : pct(achieved / cpu.flops)} of theoretical, ${pct(achieved / gemm.flopsPerSecond)} of calibrated`);

// MC model and requests (as bench/mc-throughput.ts)
const mcDir = join(mkdtempSync(join(tmpdir(), 'bench-eff-mc-')), 'model');
await makeTinyModel({ arch: 'ernie4_5', outDir: mcDir, seed: 7, sizes: { hiddenSize: 384, intermediateSize: 1024, numLayers: 6, numHeads: 6, numKvHeads: 2, headDim: 64 } });
const shared = resolve('../shared/datasets');
const task = (await prepareTask(await loadTask('mmlu'), { ...(existsSync(join(shared, 'mmlu')) ? { dataDir: shared } : {}), limit: Number(values.questions) })) as PreparedTask;
const requests = task.items.map((i) => i.request as LoglikelihoodRequest);

async function harness(workers: number, threadsPerWorker?: number): Promise<{ seconds: number; inBackendSeconds: number; logprobs: Map<string, number[]> }> {
  const pool = new OnnxPool(mcDir, { workers, maxBatchSize: 8, ...(threadsPerWorker === undefined ? {} : { threadsPerWorker }) });
  await pool.open();
  // Time spent waiting on the pool; the rest of the wall time is the runner's own (§4, 1 lane).
  let inBackend = 0;
  const answer = pool.answer.bind(pool);
  pool.answer = async (...args) => {
    const start = performance.now();
    try {
      return await answer(...args);
    } finally {
      inBackend += performance.now() - start;
    }
  };
  const runDir = mkdtempSync(join(tmpdir(), 'bench-eff-run-'));
  const manifest = await buildManifest({ runSpec: { tasks: ['mmlu'], model: mcDir, dtype: 'fp32', seed: 0, workers, outDir: runDir }, model: pool.info, datasets: {}, tasks: {} });
  const writer = await RecordWriter.open(join(runDir, manifest.runId), manifest);
  const t0 = performance.now();
  const run = await runEvaluation({ tasks: [task], backend: pool, writer, progress: quiet });
  const seconds = (performance.now() - t0) / 1000;
  await writer.close();
  await pool.close();
  return { seconds, inBackendSeconds: inBackend / 1000, logprobs: new Map(run.samples.map((s) => [s.sampleId, s.completion?.logprobs ?? []])) };
}

// 3. vs Transformers.js, the obvious way: one forward per (context + choice), log-softmax, sum.
const mc = await OnnxModel.open(mcDir, { threads: cores });
const encoded = requests.map((r) => mc.encodeChoices(r));
await mc.close();
env.allowRemoteModels = false;
env.localModelPath = dirname(mcDir);
const tjs = await AutoModelForCausalLM.from_pretrained(basename(mcDir), { dtype: 'fp32' });
async function tjsScore(context: number[], continuation: number[]): Promise<number> {
  const tokens = [...context, ...continuation];
  const n = tokens.length;
  const out = (await tjs({ input_ids: new Tensor('int64', BigInt64Array.from(tokens, BigInt), [1, n]), attention_mask: new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]) })) as { logits: Tensor };
  const logits = out.logits.data as Float32Array;
  const vocab = out.logits.dims[2] as number;
  let sum = 0;
  continuation.forEach((token, i) => {
    const row = logits.subarray((context.length - 1 + i) * vocab, (context.length + i) * vocab);
    let max = -Infinity;
    for (const v of row) max = Math.max(max, v);
    let z = 0;
    for (const v of row) z += Math.exp(v - max);
    sum += (row[token] as number) - max - Math.log(z);
  });
  return sum;
}
await tjsScore(encoded[0]?.context ?? [1], encoded[0]?.continuations[0] ?? [1]); // warm-up
const t0 = performance.now();
const tjsLogprobs: number[][] = [];
for (const e of encoded) {
  const row: number[] = [];
  for (const c of e.continuations) row.push(await tjsScore(e.context, c));
  tjsLogprobs.push(row);
}
const tjsSeconds = (performance.now() - t0) / 1000;
// Release Transformers.js's session before timing anything else: its threads would share the cores.
await tjs.dispose();
const two = await harness(2);
let worst = 0;
task.items.forEach((item, i) => (two.logprobs.get(item.sample.id) ?? []).forEach((lp, j) => (worst = Math.max(worst, Math.abs(lp - (tjsLogprobs[i]?.[j] ?? NaN))))));
console.log(`\n3. MC log-likelihood, ${requests.length} MMLU questions (${task.source} data)`);
console.log(`   Transformers.js, one forward per choice: ${tjsSeconds.toFixed(2)} s`);
console.log(`   ernie-eval, 2 workers × batch 8:       ${two.seconds.toFixed(2)} s  → ${(tjsSeconds / two.seconds).toFixed(2)}× faster, max |Δ log-lik| ${worst.toExponential(1)}`);

// 4. Harness overhead: 1 worker vs a bare loop of the same batches on one session with the same
// threads in a worker thread of its own, in alternating rounds (bare, harness, bare, ...) so that the state of this process (its
// heap after Transformers.js, background load) weighs on both sides alike; medians.
const probe = new OnnxPool(mcDir, { workers: 1, maxBatchSize: 8 });
const batches = makeBatches([task], probe);
const threads = probe.threadsPerWorker;
await probe.close();
const batchRequests = batches.map((b) => b.items.map((w) => w.item.request));
/** The same OnnxModel.answer calls in a worker thread of their own (bench/bare-loop-worker.ts). */
async function bareLoop(): Promise<number> {
  const file = new URL('./bare-loop-worker.ts', import.meta.url);
  const pool = new Piscina({ filename: file.href, minThreads: 1, maxThreads: 1, execArgv: workerExecArgv(file) });
  const seconds = (await pool.run({ modelDir: mcDir, threads, batches: batchRequests })) as number;
  await pool.destroy();
  return seconds;
}
const overhead = { bare: [] as number[], harness: [] as number[], runnerShare: [] as number[] };
for (let r = 0; r < 5; r++) {
  overhead.bare.push(await bareLoop());
  const run = await harness(1);
  overhead.harness.push(run.seconds);
  overhead.runnerShare.push(1 - run.inBackendSeconds / run.seconds);
}
const bareSeconds = median(overhead.bare);
const harnessSeconds = median(overhead.harness);
console.log(`\n4. Harness overhead (${batches.length} batches, ${threads} threads, medians of 5 alternating rounds): bare loop in a worker ${bareSeconds.toFixed(2)} s, runEvaluation 1 worker ${harnessSeconds.toFixed(2)} s → ${harnessSeconds >= bareSeconds ? '+' : ''}${pct(harnessSeconds / bareSeconds - 1)}`);
console.log(`   runner's own time (wall − waiting on the pool): ${pct(median(overhead.runnerShare))} of the run; round-to-round spread of the bare loop ${pct(Math.max(...overhead.bare) / Math.min(...overhead.bare) - 1)}`);

// 5. Scaling. Two questions: does the pool scale (2 single-threaded workers vs 1), and is a worker
// per core better than one worker with every core as intra-op threads (the default split)?
// Alternating rounds (1, 2, 1, 2, ...) so that background load hits both sides alike; medians.
const rounds = { one: [] as number[], two: [] as number[] };
for (let r = 0; r < 3; r++) {
  rounds.one.push((await harness(1, 1)).seconds);
  rounds.two.push((await harness(2, 1)).seconds);
}
const oneSingle = median(rounds.one);
const twoSingle = median(rounds.two);
console.log(`\n5. Scaling (${cores} cores, ${requests.length} questions, medians of 3 alternating rounds):`);
console.log(`   pool: 1 worker × 1 thread ${oneSingle.toFixed(2)} s, 2 workers × 1 thread ${twoSingle.toFixed(2)} s → ${(oneSingle / twoSingle).toFixed(2)}× (target ≥ 1.7×; bench/worker-scaling.ts gives this machine's ceiling)`);
console.log(`   whole machine: 1 worker × ${threads} threads ${harnessSeconds.toFixed(2)} s vs 2 workers × 1 thread → ${(harnessSeconds / twoSingle).toFixed(2)}×`);
