// Multiple-choice log-likelihood throughput: the harness (worker pool, batching, shared-context KV
// reuse, record writing) against a plain loop of one session.run per choice, on the same model and
// the same MMLU requests, side by side in one run. Prints ratios; asserts nothing about time.
//
//   npx tsx bench/mc-throughput.ts [--samples 120] [--workers 2]
//
// Uses the real MMLU files in ../shared/datasets when present, else the bundled sample items.
import { existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_SCHEMA, type LoglikelihoodRequest } from '../src/core/index.ts';
import { OnnxModel, scoreChoicesOneByOne } from '../src/model/index.ts';
import { makeTinyModel } from '../src/model/tiny/index.ts';
import { OnnxPool, runEvaluation, type Progress } from '../src/runner/index.ts';
import { buildManifest, RecordWriter } from '../src/store/index.ts';
import { loadTask, prepareTask, type PreparedTask } from '../src/task/index.ts';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '120' }, workers: { type: 'string', default: String(Math.min(2, availableParallelism())) } } });
const samples = Number(values.samples);
const workers = Number(values.workers);
const quiet: Progress = { start() {}, advance() {}, finish() {} };

// A tiny model made larger (≈ 10M parameters) so that compute, not per-call overhead, dominates.
const modelDir = join(mkdtempSync(join(tmpdir(), 'bench-mc-')), 'model');
await makeTinyModel({ arch: 'ernie4_5', outDir: modelDir, seed: 7, sizes: { hiddenSize: 384, intermediateSize: 1024, numLayers: 6, numHeads: 6, numKvHeads: 2, headDim: 64 } });

const shared = resolve('../shared/datasets');
const task = (await prepareTask(await loadTask('mmlu'), { ...(existsSync(join(shared, 'mmlu')) ? { dataDir: shared } : {}), limit: samples })) as PreparedTask;
const requests = task.items.map((i) => i.request as LoglikelihoodRequest);
const choices = requests.reduce((n, r) => n + r.continuations.length, 0);
console.log(`MMLU ${task.source} data, ${requests.length} questions (${choices} choices), model ${modelDir}`);

// Plain loop: one onnxruntime session with every core, one session.run per choice, no batching, no cache.
const plainModel = await OnnxModel.open(modelDir, { threads: availableParallelism() });
const encoded = requests.map((r) => plainModel.encodeChoices(r));
await scoreChoicesOneByOne(plainModel.decoder, encoded.slice(0, 2)); // warm-up
let t0 = performance.now();
const plain = await scoreChoicesOneByOne(plainModel.decoder, encoded);
const plainSeconds = (performance.now() - t0) / 1000;
await plainModel.close();

// The harness: worker pool, longest-first batches, context once + continuations on its KV cache, record written.
const pool = new OnnxPool(modelDir, { workers, maxBatchSize: 8 });
await pool.open();
const runDir = mkdtempSync(join(tmpdir(), 'bench-mc-run-'));
const manifest = await buildManifest({ runSpec: { tasks: ['mmlu'], model: modelDir, dtype: 'fp32', seed: 0, workers, outDir: runDir }, model: pool.info, datasets: {}, tasks: {} });
const writer = await RecordWriter.open(join(runDir, manifest.runId), manifest);
t0 = performance.now();
const run = await runEvaluation({ tasks: [task], backend: pool, writer, progress: quiet });
const harnessSeconds = (performance.now() - t0) / 1000;
await writer.close();
await pool.close();

// Same answers: compare per-sample log-likelihoods of the two paths.
const byId = new Map(run.samples.map((s) => [s.sampleId, s.completion?.logprobs ?? []]));
let worst = 0;
task.items.forEach((item, i) => (byId.get(item.sample.id) ?? []).forEach((lp, j) => (worst = Math.max(worst, Math.abs(lp - (plain[i]?.logprobs[j] ?? NaN))))));

const rate = (s: number) => (requests.length / s).toFixed(1);
console.log(`\n${'path'.padEnd(44)} ${'seconds'.padStart(8)} ${'questions/s'.padStart(12)}`);
console.log(`${'plain loop, 1 session.run per choice'.padEnd(44)} ${plainSeconds.toFixed(2).padStart(8)} ${rate(plainSeconds).padStart(12)}`);
console.log(`${`ernie-eval runner (${workers} workers, batch 8, KV reuse)`.padEnd(44)} ${harnessSeconds.toFixed(2).padStart(8)} ${rate(harnessSeconds).padStart(12)}`);
console.log(`\nspeed-up: ${(plainSeconds / harnessSeconds).toFixed(2)}×   max |Δ log-likelihood|: ${worst.toExponential(2)}   (${MANIFEST_SCHEMA} record at ${join(runDir, manifest.runId)})`);
