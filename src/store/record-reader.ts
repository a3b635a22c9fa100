// Reads a run record back (DESIGN.md §1): every report and re-score starts here, never from the
// runner. A record cut short by a crash is still readable: a torn last line of samples.jsonl is
// dropped with a warning, and a missing results.json means the run never finished.
import { open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DataError } from '../core/index.ts';
import type { Manifest, ResultsFile, SampleResult } from '../core/index.ts';
import { checkManifest, checkResults, checkSampleResult } from './record-checks.ts';
import { MANIFEST_FILE, RESULTS_FILE, SAMPLES_FILE } from './record-files.ts';

export interface RunRecord {
  dir: string;
  manifest: Manifest;
  samples: SampleResult[];
  /** null when results.json is absent: the run was killed before it finished (see warnings). */
  results: ResultsFile | null;
  /** Problems that did not stop the read (torn last line, missing results.json). */
  warnings: string[];
}

export async function readRecord(runDir: string): Promise<RunRecord> {
  const warnings: string[] = [];
  const manifest = await readManifest(join(runDir, MANIFEST_FILE));
  const samples: SampleResult[] = [];
  for await (const s of readSamples(join(runDir, SAMPLES_FILE), warnings)) samples.push(s);
  const resultsPath = join(runDir, RESULTS_FILE);
  const results = await readJson(resultsPath, true);
  let checked: ResultsFile | null = null;
  if (results === undefined) {
    warnings.push(`${resultsPath}: missing; the run did not finish (samples are still readable)`);
  } else {
    checked = checkResults(results, resultsPath);
    if (checked.runId !== manifest.runId) {
      throw new DataError(resultsPath, undefined, `runId "${checked.runId}" does not match the manifest's "${manifest.runId}"`, { code: 'RECORD' });
    }
  }
  return { dir: runDir, manifest, samples, results: checked, warnings };
}

export async function readManifest(file: string): Promise<Manifest> {
  return checkManifest(await readJson(file, false), file);
}

export async function readResults(file: string): Promise<ResultsFile> {
  return checkResults(await readJson(file, false), file);
}

/**
 * Stream samples.jsonl one line at a time (records of large runs do not fit a single string
 * comfortably). A line that is not JSON is an error naming it, unless it is the last line: the
 * writer writes whole lines, so only a crash mid-write leaves a bad line, and only at the end.
 * That line is dropped and reported in `warnings`.
 */
export async function* readSamples(file: string, warnings: string[]): AsyncGenerator<SampleResult> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DataError(file, undefined, missing ? 'missing: not a run record folder' : `cannot read: ${(err as Error).message}`, { code: 'RECORD', cause: err });
  }
  const stream = handle.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  // A bad line is held until we know whether another line follows it.
  let pending: { line: number; problem: string } | null = null;
  let lineNo = 0;
  try {
    for await (const text of lines) {
      lineNo++;
      if (pending !== null) throw new DataError(file, pending.line, pending.problem, { code: 'RECORD' });
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        pending = { line: lineNo, problem: `not valid JSON (${(err as Error).message})` };
        continue;
      }
      yield checkSampleResult(value, file, lineNo);
    }
  } finally {
    lines.close();
    stream.destroy();
    await handle.close().catch(() => undefined);
  }
  if (pending !== null) {
    warnings.push(`${file}:${pending.line}: torn last line dropped (the run was probably killed while writing it)`);
  }
}

/** Parse a JSON file; `undefined` when it is absent and `optional`. */
async function readJson(file: string, optional: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      if (optional) return undefined;
      throw new DataError(file, undefined, 'missing: not a run record folder', { code: 'RECORD', cause: err });
    }
    throw new DataError(file, undefined, `cannot read: ${(err as Error).message}`, { code: 'RECORD', cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    // results.json and manifest.json are written by rename, so they are never torn: a parse
    // failure is real damage, not a crash artefact.
    throw new DataError(file, undefined, `not valid JSON (${(err as Error).message})`, { code: 'RECORD', cause: err });
  }
}
