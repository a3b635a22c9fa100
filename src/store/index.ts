// Public entry point of the store layer: the run record (manifest.json, samples.jsonl,
// results.json) and the helpers that name and hash it. (The SQLite response cache joins here.)
export { RecordWriter } from './record-writer.ts';
export { readRecord, readManifest, readResults, readSamples } from './record-reader.ts';
export type { RunRecord } from './record-reader.ts';
export { checkManifest, checkResults, checkSampleResult, checkSchemaTag } from './record-checks.ts';
export { buildManifest } from './manifest.ts';
export type { BuildManifestInput } from './manifest.ts';
export { readHarnessInfo, findPackageRoot, gitState } from './harness-info.ts';
export { readHardwareInfo } from './hardware-info.ts';
export { makeRunId, sanitizeLabel } from './run-id.ts';
export { writeFileAtomic, writeJsonAtomic } from './atomic-write.ts';
export { MANIFEST_FILE, SAMPLES_FILE, RESULTS_FILE, RESULTS_CSV_FILE } from './record-files.ts';
