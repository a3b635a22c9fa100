// Public entry point of the store layer: the run record (manifest.json, samples.jsonl,
// results.json), re-opening it to resume, the SQLite response cache, and the helpers that name and hash it.
export { RecordWriter, type ReopenedRecord } from './record-writer.ts';
export { scanFinishedSamples, readAndRepairSamples, checkResumable, sampleIdentity, type FinishedSamples, type ResumeExpectation } from './record-resume.ts';
export { ResponseCache, RESPONSE_CACHE_FILE, type ResponseLookup } from './response-cache.ts';
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
