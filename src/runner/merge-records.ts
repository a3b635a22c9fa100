// `ernie-eval merge`: N shard records (`run --shard i/N`) → the record a single run would have
// written. Refused unless the shards are the N parts of one run: same spec apart from the shard,
// same model, each shard 0..N-1 exactly once, each complete, each sample in its own shard once.
// The merged record holds every sample (sorted by task and sample id) and a results.json rebuilt
// with buildResultsFile, which aggregates in sample order: its metrics, subsets, macro averages and
// coverage equal the single run's. What legitimately differs: runId, createdAt, startedAt/endedAt,
// `resume` (summed over shards) and efficiency (the active window spans shards that may have run
// side by side on different machines, so rates are the shards' combined throughput; FLOPs and MFU
// are n/a because no one machine's peak describes them).
import { basename, dirname, resolve } from 'node:path';
import { canonicalHash, HarnessError, type Manifest, type ResultsFile, type ResumeCounts, type RunSpec, type SampleResult, type TaskSpec } from '../core/index.ts';
import { makeRunId, readRecord, RecordWriter, sampleIdentity, type RunRecord } from '../store/index.ts';
import { loadTask } from '../task/index.ts';
import { buildResultsFile, compareSampleOrder } from './build-results.ts';
import { shardOf } from './shard.ts';

/** The spec every shard of one run shares: without where it was written and which shard it is. */
export function unshardedSpec(spec: RunSpec): Omit<RunSpec, 'shard'> {
  const { shard: _shard, ...rest } = spec;
  return rest;
}

function specHash(spec: RunSpec): string {
  const { outDir: _outDir, ...hashed } = unshardedSpec(spec);
  return canonicalHash(hashed);
}

function refuse(message: string): never {
  throw new HarnessError('USAGE', `merge: ${message}`);
}

/** Check that the records are the complete shards of one run; returns them in shard order. */
export function checkShards(records: RunRecord[]): RunRecord[] {
  if (records.length === 0) refuse('no shard records given');
  const first = records[0] as RunRecord;
  const count = first.manifest.runSpec.shard?.count;
  for (const r of records) {
    const shard = r.manifest.runSpec.shard;
    if (shard === undefined) refuse(`${r.dir} is not a shard record (its run had no --shard)`);
    if (shard.count !== count) refuse(`${r.dir} is shard ${shard.index}/${shard.count}, but ${first.dir} is one of ${String(count)} shards`);
    if (specHash(r.manifest.runSpec) !== specHash(first.manifest.runSpec)) refuse(`${r.dir} is a shard of a different run than ${first.dir} (tasks, model, data, limit, seed or workers differ)`);
    if (r.manifest.model.fingerprint !== first.manifest.model.fingerprint) refuse(`${r.dir} was answered by a different model (fingerprint) than ${first.dir}`);
    if (r.results === null) refuse(`${r.dir} did not finish (no results.json); resume it with \`ernie-eval run ... --resume ${r.dir}\``);
    if (r.results.status !== 'complete') refuse(`${r.dir} is ${r.results.status}, not complete; resume it with \`ernie-eval run ... --resume ${r.dir}\``);
  }
  const byIndex = new Map<number, RunRecord>();
  for (const r of records) {
    const index = (r.manifest.runSpec.shard as { index: number }).index;
    const other = byIndex.get(index);
    if (other !== undefined) refuse(`shards overlap: ${other.dir} and ${r.dir} are both shard ${index}/${String(count)}`);
    byIndex.set(index, r);
  }
  const total = count as number;
  const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) refuse(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${total}`).join(', ')} (have ${[...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${total}`).join(', ')})`);
  return Array.from({ length: total }, (_, i) => byIndex.get(i) as RunRecord);
}

/** Every shard's samples, each checked to belong to its shard and to no other record. */
function mergedSamples(shards: RunRecord[]): SampleResult[] {
  const seen = new Map<string, string>();
  const all: SampleResult[] = [];
  for (const r of shards) {
    const { index, count } = r.manifest.runSpec.shard as { index: number; count: number };
    for (const s of r.samples) {
      if (shardOf(s.task, s.sampleId, count) !== index) refuse(`${r.dir} holds ${s.task} sample "${s.sampleId}", which belongs to shard ${shardOf(s.task, s.sampleId, count)}/${count}, not ${index}/${count}`);
      const id = sampleIdentity(s);
      const other = seen.get(id);
      if (other !== undefined) refuse(`${s.task} sample "${s.sampleId}"${s.repeat === undefined ? '' : ` repeat ${s.repeat}`} is in both ${other} and ${r.dir}`);
      seen.set(id, r.dir);
      all.push(s);
    }
  }
  return all.sort(compareSampleOrder);
}

async function taskSpecs(manifest: Manifest): Promise<TaskSpec[]> {
  const specs: TaskSpec[] = [];
  for (const [id, record] of Object.entries(manifest.tasks)) {
    const spec = await loadTask(id);
    if (spec.version !== record.version) refuse(`task ${id} is version ${spec.version} in this ernie-eval, but the shards ran version ${record.version}; merge with the version that ran them`);
    specs.push(spec);
  }
  return specs;
}

function sumResume(results: ResultsFile[]): ResumeCounts | undefined {
  if (results.some((r) => r.resume === undefined)) return undefined;
  return results.reduce<ResumeCounts>((sum, r) => ({ fromRecord: sum.fromRecord + (r.resume?.fromRecord ?? 0), fromCache: sum.fromCache + (r.resume?.fromCache ?? 0), computed: sum.computed + (r.resume?.computed ?? 0) }), { fromRecord: 0, fromCache: 0, computed: 0 });
}

export interface MergeOutput {
  dir: string;
  manifest: Manifest;
  results: ResultsFile;
  shards: RunRecord[];
}

/** Read, check and merge shard records into a new record at `outDir` (which must not hold one). */
export async function mergeShardRecords(outDirArg: string, shardDirs: string[], now: Date = new Date()): Promise<MergeOutput> {
  const outDir = resolve(outDirArg);
  const records: RunRecord[] = [];
  for (const dir of shardDirs) {
    const record = await readRecord(resolve(dir));
    if (record.warnings.length > 0 && record.results !== null) refuse(`${record.dir}: ${record.warnings.join('; ')}`);
    records.push(record);
  }
  const shards = checkShards(records);
  const first = shards[0] as RunRecord;
  const samples = mergedSamples(shards);
  const specs = await taskSpecs(first.manifest);
  const runSpec: RunSpec = { ...unshardedSpec(first.manifest.runSpec), outDir: dirname(outDir) };
  const runSpecHash = specHash(runSpec);
  const manifest: Manifest = {
    ...first.manifest,
    runId: makeRunId(now, basename(outDir), runSpecHash),
    createdAt: now.toISOString(),
    runSpec,
    runSpecHash,
    mergedFrom: shards.map((r) => r.manifest.runId),
  };
  const shardResults = shards.map((r) => r.results as ResultsFile);
  const results = buildResultsFile({
    runId: manifest.runId,
    status: 'complete',
    startedAt: new Date(Math.min(...shardResults.map((r) => Date.parse(r.startedAt)))),
    endedAt: new Date(Math.max(...shardResults.map((r) => Date.parse(r.endedAt)))),
    tasks: specs.map((spec) => ({ spec, samples: samples.filter((s) => s.task === spec.id) })).filter((t) => t.samples.length > 0),
  });
  const resume = sumResume(shardResults);
  if (resume !== undefined) results.resume = resume;
  const writer = await RecordWriter.open(outDir, manifest);
  try {
    await Promise.all(samples.map((s) => writer.append(s)));
    await writer.finish(results);
  } finally {
    await writer.close();
  }
  return { dir: outDir, manifest, results, shards };
}
