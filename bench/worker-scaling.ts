// How far can 2 workers scale on this machine? Issue 6 targets ≥ 1.7× for 2 workers over 1 on
// 2 cores. This bench separates the harness from the hardware, side by side in one run:
//
//   npx tsx bench/worker-scaling.ts [--rounds 3] [--passes 40]
//
// A. Hardware ceiling: the same decoder forward pass run by 1 thread, then by 2 threads at once
//    (two worker_threads, one single-threaded onnxruntime session each, no harness code at all),
//    for a prefill pass (4 × 128 tokens: compute-bound) and a decode step (4 rows × 1 token over a
//    128-token cache: memory-bound). Throughput ratio = what any pool of 2 workers can hope for.
// B. The pool: OnnxPool answering the same generation batches with 1 worker × 1 thread and with
//    2 workers × 1 thread.
// Rounds alternate A1, A2, B1, B2 so that background load affects both sides alike; medians shown.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { GenerateRequest } from '../src/core/index.ts';
import { makeTinyModel } from '../src/model/tiny/index.ts';
import { OnnxPool } from '../src/runner/index.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, passes: { type: 'string', default: '40' } } });
const rounds = Number(values.rounds);
const passes = Number(values.passes);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const dir = join(mkdtempSync(join(tmpdir(), 'bench-scale-')), 'model');
await makeTinyModel({ arch: 'ernie4_5', outDir: dir, seed: 5, sizes: { hiddenSize: 384, intermediateSize: 1024, numLayers: 6, numHeads: 6, numKvHeads: 2, headDim: 64 } });

// A worker that runs `passes` forward passes of a 4 × 128 prompt on its own single-threaded session.
const rawWorker = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require('onnxruntime-node');
(async () => {
  const session = await ort.InferenceSession.create(workerData.file, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
  const b = 4, layers = workerData.layers, kv = workerData.kv, hd = workerData.hd;
  const decode = workerData.mode === 'decode';
  const s = decode ? 1 : 128, past = decode ? 128 : 0;
  const feeds = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from({ length: b * s }, (_, i) => BigInt((i * 7) % 900 + 3)), [b, s]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(b * (past + s)).fill(1n), [b, past + s]),
    position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: b * s }, (_, i) => BigInt(past + (i % s))), [b, s]),
  };
  for (let i = 0; i < layers; i++) {
    feeds['past_key_values.' + i + '.key'] = new ort.Tensor('float32', new Float32Array(b * kv * past * hd).fill(0.01), [b, kv, past, hd]);
    feeds['past_key_values.' + i + '.value'] = new ort.Tensor('float32', new Float32Array(b * kv * past * hd).fill(0.01), [b, kv, past, hd]);
  }
  await session.run(feeds);
  parentPort.postMessage('ready');
  parentPort.once('message', async () => {
    const t0 = performance.now();
    for (let i = 0; i < workerData.passes; i++) await session.run(feeds);
    parentPort.postMessage(performance.now() - t0);
  });
})();`;

async function raw(threads: number, mode: 'prefill' | 'decode'): Promise<number> {
  const count = mode === 'decode' ? passes * 10 : passes;
  const workers = Array.from({ length: threads }, () => new Worker(rawWorker, { eval: true, workerData: { file: join(dir, 'onnx', 'model.onnx'), passes: count, layers: 6, kv: 2, hd: 64, mode } }));
  await Promise.all(workers.map((w) => new Promise((ok) => w.once('message', ok))));
  const t0 = performance.now();
  await Promise.all(workers.map((w) => new Promise((ok) => { w.once('message', ok); w.postMessage('go'); })));
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return (threads * count) / seconds; // forward passes per second
}

const requests: GenerateRequest[] = Array.from({ length: 32 }, (_, i) => ({
  kind: 'generate',
  key: `g${i}`,
  prompt: { kind: 'text', text: `Question ${i}: a farmer has ${i + 3} cows and buys ${2 * i + 1} more. How many cows now? Let us think step by step.` },
  params: { maxTokens: 24, temperature: 0, until: [] },
}));

async function pool(workers: number): Promise<number> {
  const p = new OnnxPool(dir, { workers, threadsPerWorker: 1, maxBatchSize: 4 });
  await p.open();
  const batches = Array.from({ length: requests.length / 4 }, (_, i) => requests.slice(i * 4, i * 4 + 4));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => { while (next < batches.length) await p.answer(batches[next++] as GenerateRequest[]); }));
  const seconds = (performance.now() - t0) / 1000;
  await p.close();
  return requests.length / seconds; // requests per second
}

const results = { pre1: [] as number[], pre2: [] as number[], dec1: [] as number[], dec2: [] as number[], pool1: [] as number[], pool2: [] as number[] };
for (let r = 0; r < rounds; r++) {
  results.pre1.push(await raw(1, 'prefill'));
  results.pre2.push(await raw(2, 'prefill'));
  results.dec1.push(await raw(1, 'decode'));
  results.dec2.push(await raw(2, 'decode'));
  results.pool1.push(await pool(1));
  results.pool2.push(await pool(2));
}
const ratio = (two: number[], one: number[]) => median(two) / median(one);
const prefill = ratio(results.pre2, results.pre1);
const decode = ratio(results.dec2, results.dec1);
const scaling = ratio(results.pool2, results.pool1);
console.log(`A. hardware, 2 threads at once vs 1: prefill ${median(results.pre1).toFixed(1)} → ${median(results.pre2).toFixed(1)} passes/s (${prefill.toFixed(2)}×), decode step ${median(results.dec1).toFixed(0)} → ${median(results.dec2).toFixed(0)} passes/s (${decode.toFixed(2)}×)`);
console.log(`B. pool (generation: prefill + 24 decode steps, batch 4): 1 worker ${median(results.pool1).toFixed(2)} req/s, 2 workers ${median(results.pool2).toFixed(2)} req/s → ${scaling.toFixed(2)}× (target ≥ 1.7×)`);
console.log(`   pool scaling / hardware ceiling of its slower part (decode) = ${(scaling / decode).toFixed(2)}`);
