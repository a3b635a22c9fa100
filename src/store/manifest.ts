// Builds manifest.json: everything needed to know what a record describes and to tell whether two
// records are comparable (same runSpecHash, task versions, dataset checksums, model fingerprint).
import { canonicalHash, MANIFEST_SCHEMA } from '../core/index.ts';
import type { BackendInfo, DatasetRecord, Manifest, RunSpec, TaskRecord } from '../core/index.ts';
import { readHardwareInfo } from './hardware-info.ts';
import { readHarnessInfo } from './harness-info.ts';
import { makeRunId } from './run-id.ts';

export interface BuildManifestInput {
  runSpec: RunSpec;
  model: BackendInfo;
  /** Task id → where its data came from. */
  datasets: Record<string, DatasetRecord>;
  /** Task id → version and protocol. */
  tasks: Record<string, TaskRecord>;
  /** Defaults to now. */
  createdAt?: Date;
  /** Defaults to makeRunId(createdAt, label, runSpecHash). */
  runId?: string;
  /** Run id label; defaults to the suite, the single task, or `run`. */
  label?: string;
  /** onnxruntime-node version, when the ONNX backend is used. */
  onnxruntimeVersion?: string;
  /** Harness package root (version, git state); defaults to this package's own root. */
  packageRoot?: string;
}

export async function buildManifest(input: BuildManifestInput): Promise<Manifest> {
  const createdAt = input.createdAt ?? new Date();
  // Where the record is written does not change what it contains: two machines running the same
  // spec must get the same hash.
  const { outDir: _outDir, ...hashed } = input.runSpec;
  const runSpecHash = canonicalHash(hashed);
  const label = input.label ?? input.runSpec.suite ?? (input.runSpec.tasks.length === 1 ? (input.runSpec.tasks[0] ?? 'run') : 'run');
  return {
    schema: MANIFEST_SCHEMA,
    runId: input.runId ?? makeRunId(createdAt, label, runSpecHash),
    createdAt: createdAt.toISOString(),
    harness: await readHarnessInfo(input.packageRoot),
    runSpec: input.runSpec,
    runSpecHash,
    model: input.model,
    datasets: input.datasets,
    tasks: input.tasks,
    hardware: readHardwareInfo(input.onnxruntimeVersion),
  };
}
