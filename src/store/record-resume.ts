// Re-opening a record to resume it (`run --resume RUN_DIR`): which samples are finished, and where
// the last whole line ends. A process killed mid-write leaves at most one torn line, at the end; it
// is cut off (the file truncated at the end of the last good line) so the next append starts on a
// fresh line and the torn bytes are never parsed as data.
import { readFile, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, HarnessError } from '../core/index.ts';
import type { Manifest, SampleResult } from '../core/index.ts';
import { checkSampleResult } from './record-checks.ts';
import { RESULTS_CSV_FILE, RESULTS_FILE } from './record-files.ts';

export interface FinishedSamples {
  samples: SampleResult[];
  /** Byte length of the whole, valid lines: everything after it is a torn tail. */
  goodBytes: number;
  /** What was dropped, for the user; null when the file ended cleanly. */
  dropped: string | null;
}

const NEWLINE = 0x0a;

/**
 * `task \0 sampleId` (\0 repeat, for one of a sample's repeated answers): how a record names a
 * line (ids are unique within their task; `--repeats N` records N lines per generate sample).
 */
export function sampleIdentity(s: { task: string; sampleId: string; repeat?: number }): string {
  return s.repeat === undefined ? `${s.task}\u0000${s.sampleId}` : `${s.task}\u0000${s.sampleId}\u0000${s.repeat}`;
}

/**
 * Parse samples.jsonl, tolerating a torn last line: bytes after the last newline, or a last line
 * that does not parse (a crash can leave a line's bytes unwritten but its length extended). A bad
 * line anywhere else, or a sample recorded twice, is damage and refused.
 */
export function scanFinishedSamples(file: string, bytes: Buffer): FinishedSamples {
  const samples: SampleResult[] = [];
  const seen = new Map<string, number>();
  let start = 0;
  let lineNo = 0;
  let goodBytes = 0;
  let dropped: string | null = null;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    lineNo++;
    if (end === -1) {
      dropped = `${file}:${lineNo}: torn last line dropped (${bytes.length - start} bytes without a newline)`;
      break;
    }
    const text = bytes.subarray(start, end).toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      if (end + 1 < bytes.length) throw new DataError(file, lineNo, `not valid JSON (${(err as Error).message}); only the last line may be torn`, { code: 'RECORD' });
      dropped = `${file}:${lineNo}: unparsable last line dropped`;
      break;
    }
    const sample = checkSampleResult(value, file, lineNo);
    const id = sampleIdentity(sample);
    const first = seen.get(id);
    if (first !== undefined) throw new DataError(file, lineNo, `task "${sample.task}" sample "${sample.sampleId}"${sample.repeat === undefined ? '' : ` repeat ${sample.repeat}`} is already recorded on line ${first}`, { code: 'RECORD' });
    seen.set(id, lineNo);
    samples.push(sample);
    start = end + 1;
    goodBytes = start;
  }
  return { samples, goodBytes, dropped };
}

/** Read the finished samples of a record and cut any torn tail off the file. */
export async function readAndRepairSamples(samplesFile: string): Promise<FinishedSamples> {
  let bytes: Buffer;
  try {
    bytes = await readFile(samplesFile);
  } catch (err) {
    // The manifest is written first: a kill before samples.jsonl was created leaves an empty record.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { samples: [], goodBytes: 0, dropped: null };
    throw new HarnessError('RECORD', `cannot read ${samplesFile}: ${(err as Error).message}`, { cause: err });
  }
  const scan = scanFinishedSamples(samplesFile, bytes);
  if (scan.goodBytes < bytes.length) {
    try {
      await truncate(samplesFile, scan.goodBytes);
    } catch (err) {
      throw new HarnessError('RECORD', `cannot truncate the torn end of ${samplesFile}: ${(err as Error).message}`, { cause: err });
    }
  }
  return scan;
}

/** What a resumed run must match: the record's spec hash and the model that answered it. */
export interface ResumeExpectation {
  runSpecHash: string;
  fingerprint: string;
}

/** Refuse to resume a record with another run's answers: one record describes one run. */
export function checkResumable(runDir: string, manifest: Manifest, expected: ResumeExpectation): void {
  if (manifest.runSpecHash !== expected.runSpecHash) {
    throw new HarnessError(
      'USAGE',
      `--resume ${runDir}: that record is of a different run (runSpecHash ${manifest.runSpecHash.slice(0, 12)}…, this command's is ${expected.runSpecHash.slice(0, 12)}…); give the same tasks, model, data, limit, seed, workers, shard and error budget as the command that wrote it`,
    );
  }
  if (manifest.model.fingerprint !== expected.fingerprint) {
    throw new HarnessError(
      'USAGE',
      `--resume ${runDir}: the model changed since that record was written (fingerprint ${manifest.model.fingerprint.slice(0, 12)}…, now ${expected.fingerprint.slice(0, 12)}…); start a new run`,
    );
  }
}

/** The run is in progress again: results of the earlier attempt no longer describe the record. */
export async function removeResults(runDir: string): Promise<void> {
  for (const name of [RESULTS_FILE, RESULTS_CSV_FILE]) {
    try {
      await rm(join(runDir, name), { force: true });
    } catch (err) {
      throw new HarnessError('RECORD', `cannot remove ${join(runDir, name)}: ${(err as Error).message}`, { cause: err });
    }
  }
}
