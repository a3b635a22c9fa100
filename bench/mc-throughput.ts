// Multiple-choice log-likelihood throughput: the harness (worker pool, batching, shared-context KV
// reuse, record writing) against a plain loop of one session.run per choice, on the same model and
// the same MMLU requests, side by side in one run. Prints ratios; asserts nothing about time.
//
//   npx tsx bench/mc-throughput.ts [--samples 120] [--configs 2x1,2x8,1x1]
//
// --configs: runner settings to measure, WORKERSxBATCH each.
//
// Uses the real MMLU files in ../shared/datasets when present, else the bundled sample items.
import { existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoglikelihoodRequest } from '../src/core/index.ts';
import { OnnxModel, scoreChoicesOneByOne } from '../src/model/index.ts';
import { makeTinyModel } from '../src/model/tiny/index.ts';
import { OnnxPool, runEvaluation, type Progress } from '../src/runner/index.ts';
import { buildManifest, RecordWriter } from '../src/store/index.ts';
import { loadTask, prepareTask, type PreparedTask } from '../src/task/index.ts';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '120' }, configs: { type: 'string', default: '2x1,2x8,1x1' } } });
const samples = Number(values.samples);
const configs = (values.configs ?? '').split(',').map((c) => {
  const [workers, batch] = c.split('x').map(Number);
  return { workers: workers ?? 1, batch: batch ?? 1 };
});
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
async function runHarness(workers: number, batch: number): Promise<{ seconds: number; worst: number }> {
  const pool = new OnnxPool(modelDir, { workers, maxBatchSize: batch });
  await pool.open();
  const runDir = mkdtempSync(join(tmpdir(), 'bench-mc-run-'));
  const manifest = await buildManifest({ runSpec: { tasks: ['mmlu'], model: modelDir, dtype: 'fp32', seed: 0, workers, outDir: runDir }, model: pool.info, datasets: {}, tasks: {} });
  const writer = await RecordWriter.open(join(runDir, manifest.runId), manifest);
  const start = performance.now();
  const run = await runEvaluation({ tasks: [task], backend: pool, writer, progress: quiet });
  const seconds = (performance.now() - start) / 1000;
  await writer.close();
  await pool.close();
  // Same answers: compare per-sample log-likelihoods with the plain path.
  const byId = new Map(run.samples.map((s) => [s.sampleId, s.completion?.logprobs ?? []]));
  let worst = 0;
  task.items.forEach((item, i) => (byId.get(item.sample.id) ?? []).forEach((lp, j) => (worst = Math.max(worst, Math.abs(lp - (plain[i]?.logprobs[j] ?? NaN))))));
  return { seconds, worst };
}

const rate = (sec: number) => (requests.length / sec).toFixed(2);
const row = (name: string, sec: number, extra: string) => console.log(`${name.padEnd(46)} ${sec.toFixed(2).padStart(8)} ${rate(sec).padStart(12)} ${extra}`);
console.log(`\n${'path'.padEnd(46)} ${'seconds'.padStart(8)} ${'questions/s'.padStart(12)} vs plain   max |Δ log-lik|`);
row(`plain loop: session.run per choice, ${availableParallelism()} threads`, plainSeconds, '1.00×');
for (const { workers, batch } of configs) {
  const { seconds, worst } = await runHarness(workers, batch);
  row(`ernie-eval runner: ${workers} worker(s), batch ${batch}`, seconds, `${(plainSeconds / seconds).toFixed(2)}×`.padEnd(10) + worst.toExponential(1));
}
