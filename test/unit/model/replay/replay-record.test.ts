// Replaying a run record made by a real run reproduces every score exactly, sample by sample and
// metric by metric, without a model.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend, DatasetRecord, RunSpec, SampleResult, TaskRecord } from '../../../../src/core/index.ts';
import { OnnxModel } from '../../../../src/model/index.ts';
import { ReplayBackend } from '../../../../src/model/replay/index.ts';
import { runEvaluation, type EvaluationOutput } from '../../../../src/runner/index.ts';
import { buildManifest, RecordWriter, SAMPLES_FILE } from '../../../../src/store/index.ts';
import { loadTask, prepareTask, type PreparedTask } from '../../../../src/task/index.ts';
import { freshTempDir, tinyModelDir } from '../../../support/tiny-models.ts';

async function prepared(limit: number): Promise<PreparedTask[]> {
  const tasks: PreparedTask[] = [];
  for (const id of ['mmlu', 'gsm8k']) {
    const task = await prepareTask(await loadTask(id), { limit });
    if (task.status !== 'ready') throw new Error(`${id}: bundled data missing`);
    tasks.push(task);
  }
  return tasks;
}

async function evaluate(tasks: PreparedTask[], backend: Backend, outDir: string): Promise<{ output: EvaluationOutput; dir: string }> {
  const runSpec: RunSpec = { tasks: tasks.map((t) => t.spec.id), model: `${backend.info.kind}:${backend.info.location}`, dtype: 'fp32', limit: 3, seed: 1234, workers: 1, outDir };
  const datasets: Record<string, DatasetRecord> = {};
  const taskRecords: Record<string, TaskRecord> = {};
  for (const t of tasks) {
    datasets[t.spec.id] = { source: t.source, dir: t.dir, files: t.data.files };
    taskRecords[t.spec.id] = { version: t.spec.version, protocol: t.spec.protocol };
  }
  const manifest = await buildManifest({ runSpec, model: backend.info, datasets, tasks: taskRecords });
  const dir = join(outDir, manifest.runId);
  const writer = await RecordWriter.open(dir, manifest);
  try {
    return { output: await runEvaluation({ tasks, backend, writer }), dir };
  } finally {
    await writer.close();
  }
}

const bySample = (samples: SampleResult[]) => new Map(samples.map((s) => [`${s.task}/${s.sampleId}`, s]));

describe('replaying a run record', () => {
  it('reproduces every score of the run that made it', async () => {
    const tasks = await prepared(3);
    const model = await OnnxModel.open(await tinyModelDir('ernie4_5'), { threads: 1 });
    let original;
    try {
      original = await evaluate(tasks, model, freshTempDir());
    } finally {
      await model.close();
    }
    const replay = await ReplayBackend.open(join(original.dir, SAMPLES_FILE));
    expect(replay.capabilities).toMatchObject({ loglikelihood: true, generate: true, chat: true });
    expect(replay.info.kind).toBe('replay');
    const replayed = await evaluate(tasks, replay, freshTempDir());

    const before = bySample(original.output.samples);
    const after = bySample(replayed.output.samples);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(before.size).toBe(6);
    for (const [id, s] of before) {
      const r = after.get(id);
      expect(r?.error, id).toBeUndefined();
      expect(r?.score, id).toEqual(s.score);
      expect(r?.completion, id).toEqual(s.completion);
    }
    // Both task kinds really took part: log-likelihoods and generated text were replayed.
    expect(replayed.output.samples.some((s) => s.completion?.logprobs !== undefined)).toBe(true);
    expect(replayed.output.samples.some((s) => (s.completion?.text ?? '') !== '')).toBe(true);
    expect(Object.keys(original.output.results.tasks).sort()).toEqual(['gsm8k', 'mmlu']);
    for (const [task, result] of Object.entries(original.output.results.tasks)) {
      const again = replayed.output.results.tasks[task];
      expect(again?.metrics, task).toEqual(result.metrics);
      expect(again?.subsets, task).toEqual(result.subsets);
      expect(again?.macro, task).toEqual(result.macro);
      expect(again?.coverage, task).toEqual(result.coverage);
      // The saved timing travels with the answers: the measured part of efficiency describes the
      // run that made them (FLOPs and MFU need the model, which a replay does not have).
      const measured = (e: typeof result.efficiency | undefined) => e && { window: e.activeWindowMs, latency: e.latencyMs, samples: e.samplesPerSecond, prompt: e.promptTokens, generated: e.generatedTokens };
      expect(measured(again?.efficiency), task).toEqual(measured(result.efficiency));
      expect(result.efficiency.activeWindowMs).toBeGreaterThan(0);
    }
  });
});
