// Checks on what a record file holds before it is trusted as a typed value (DESIGN.md §7:
// `unknown` + validation at every boundary). They check the schema tag and the fields a reader
// relies on; the full contract is the JSON Schema under schema/, validated in the test suite
// (ajv is a dev dependency only).
import { DataError, MANIFEST_SCHEMA, RESULTS_SCHEMA, SAMPLE_RESULT_SCHEMA } from '../core/index.ts';
import type { Manifest, ResultsFile, SampleResult } from '../core/index.ts';

type FieldKind = 'string' | 'number' | 'object' | 'array';

const TAG = /^ernie-eval\/([a-z][a-z0-9-]*)@([0-9]+)$/;

function recordError(file: string, line: number | undefined, problem: string): DataError {
  return new DataError(file, line, problem, { code: 'RECORD' });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuse anything that is not the expected kind and major version. Same version with extra
 * fields is fine (schema/README.md: adding a field keeps the version), so only the tag is compared.
 */
export function checkSchemaTag(value: unknown, expected: string, file: string, line?: number): Record<string, unknown> {
  if (!isObject(value)) throw recordError(file, line, `expected a JSON object (${expected})`);
  const tag = value['schema'];
  if (tag === expected) return value;
  if (typeof tag !== 'string') {
    throw recordError(file, line, `no "schema" field: not an ernie-eval record (expected "${expected}")`);
  }
  const found = TAG.exec(tag);
  const wanted = TAG.exec(expected);
  if (found === null || wanted === null || found[1] !== wanted[1]) {
    throw recordError(file, line, `schema "${tag}" is not "${expected}": this is not the file this reader expects`);
  }
  const newer = Number(found[2]) > Number(wanted[2]);
  throw recordError(
    file,
    line,
    `schema "${tag}" is not supported: this ernie-eval reads "${expected}"` +
      (newer ? ' (the record was written by a newer ernie-eval; upgrade to read it)' : ' (the record was written by an older ernie-eval; read it with that version or re-run)'),
  );
}

function checkFields(obj: Record<string, unknown>, fields: Record<string, FieldKind>, file: string, line?: number): void {
  for (const [name, kind] of Object.entries(fields)) {
    const v = obj[name];
    const ok =
      kind === 'array' ? Array.isArray(v) : kind === 'object' ? isObject(v) : kind === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === kind;
    if (!ok) throw recordError(file, line, `field "${name}" is missing or not ${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}`);
  }
}

export function checkManifest(value: unknown, file: string): Manifest {
  const obj = checkSchemaTag(value, MANIFEST_SCHEMA, file);
  checkFields(obj, { runId: 'string', createdAt: 'string', harness: 'object', runSpec: 'object', runSpecHash: 'string', model: 'object', datasets: 'object', tasks: 'object', hardware: 'object' }, file);
  return obj as unknown as Manifest;
}

const STATUSES: readonly string[] = ['complete', 'interrupted', 'aborted'];

export function checkResults(value: unknown, file: string): ResultsFile {
  const obj = checkSchemaTag(value, RESULTS_SCHEMA, file);
  checkFields(obj, { runId: 'string', status: 'string', startedAt: 'string', endedAt: 'string', tasks: 'object', efficiency: 'object' }, file);
  if (!STATUSES.includes(obj['status'] as string)) throw recordError(file, undefined, `status "${String(obj['status'])}" is not one of ${STATUSES.join(', ')}`);
  for (const [task, r] of Object.entries(obj['tasks'] as Record<string, unknown>)) {
    if (!isObject(r)) throw recordError(file, undefined, `tasks.${task} is not an object`);
    checkFields(r, { version: 'string', primaryMetric: 'string', metrics: 'object', coverage: 'object', efficiency: 'object' }, file);
  }
  return obj as unknown as ResultsFile;
}

const KINDS: readonly string[] = ['loglikelihood', 'generate'];

export function checkSampleResult(value: unknown, file: string, line: number): SampleResult {
  const obj = checkSchemaTag(value, SAMPLE_RESULT_SCHEMA, file, line);
  checkFields(obj, { task: 'string', taskVersion: 'string', sampleId: 'string', requestKey: 'string', requestKind: 'string', prompt: 'string', target: 'string' }, file, line);
  if (!KINDS.includes(obj['requestKind'] as string)) throw recordError(file, line, `requestKind "${String(obj['requestKind'])}" is not one of ${KINDS.join(', ')}`);
  if (obj['score'] !== undefined) {
    if (!isObject(obj['score']) || !isObject(obj['score']['values'])) throw recordError(file, line, 'field "score" has no "values" object');
  }
  for (const name of ['timing', 'tokens', 'error', 'completion'] as const) {
    if (obj[name] !== undefined && !isObject(obj[name])) throw recordError(file, line, `field "${name}" is not an object`);
  }
  return obj as unknown as SampleResult;
}
