// Writes a run record (DESIGN.md §1 "one run, one record"): manifest.json before the first request,
// one samples.jsonl line per finished sample, results.json at the end. The record is append-only
// so a crash loses at most the line being written, and a resumed or re-scored run can trust
// everything before it.
import { mkdir, open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError, MANIFEST_SCHEMA, RESULTS_SCHEMA, SAMPLE_RESULT_SCHEMA } from '../core/index.ts';
import type { Manifest, ResultsFile, SampleResult } from '../core/index.ts';
import { writeJsonAtomic } from './atomic-write.ts';
import { MANIFEST_FILE, RESULTS_FILE, SAMPLES_FILE } from './record-files.ts';
import { readManifest } from './record-reader.ts';
import { checkResumable, readAndRepairSamples, removeResults, type ResumeExpectation } from './record-resume.ts';

/** A record re-opened for appending, with what it already holds. */
export interface ReopenedRecord {
  writer: RecordWriter;
  /** Samples finished by earlier attempts (whole lines only). */
  samples: SampleResult[];
  /** The torn tail that was cut off, in words; null when the file ended cleanly. */
  dropped: string | null;
}

export class RecordWriter {
  readonly dir: string;
  readonly manifest: Manifest;
  private readonly handle: FileHandle;
  /** Tail of the write queue: appends run one after another so lines never interleave. */
  private tail: Promise<void> = Promise.resolve();
  /** First write failure. Sticky: after a failed write the file may end in a torn line, so nothing more is appended. */
  private failure: HarnessError | null = null;
  private finished = false;
  private closed = false;
  private count = 0;

  private constructor(dir: string, manifest: Manifest, handle: FileHandle) {
    this.dir = dir;
    this.manifest = manifest;
    this.handle = handle;
  }

  /**
   * Create the record folder, write manifest.json atomically and create samples.jsonl. Refuses a
   * folder that already holds a record: appending one run's samples to another's would make a
   * record that no longer describes one run.
   */
  static async open(runDir: string, manifest: Manifest): Promise<RecordWriter> {
    if (manifest.schema !== MANIFEST_SCHEMA) {
      throw new HarnessError('RECORD', `manifest schema "${String(manifest.schema)}" is not "${MANIFEST_SCHEMA}"`);
    }
    const manifestPath = join(runDir, MANIFEST_FILE);
    const samplesPath = join(runDir, SAMPLES_FILE);
    try {
      await mkdir(runDir, { recursive: true });
    } catch (err) {
      throw new HarnessError('RECORD', `cannot create run folder ${runDir}: ${(err as Error).message}`, { cause: err });
    }
    if (await exists(manifestPath)) {
      throw new HarnessError('RECORD', `${runDir} already holds a run record (${MANIFEST_FILE}); choose a new run id or folder`);
    }
    await writeJsonAtomic(manifestPath, manifest);
    let handle: FileHandle;
    try {
      // 'ax': append-only, and fail if the file exists (a stray samples.jsonl without manifest).
      handle = await open(samplesPath, 'ax');
    } catch (err) {
      throw new HarnessError('RECORD', `cannot create ${samplesPath}: ${(err as Error).message}`, { cause: err });
    }
    return new RecordWriter(runDir, manifest, handle);
  }

  /**
   * Re-open an existing record to resume it: the manifest must describe the same run (runSpecHash)
   * on the same model (fingerprint); a torn last line of samples.jsonl is cut off; results.json of
   * the earlier attempt is removed (the run is in progress again, and a reader must not take the
   * old partial results for the final ones). The manifest is kept as written: it is the run's.
   */
  static async reopen(runDir: string, expected: ResumeExpectation): Promise<ReopenedRecord> {
    const manifest = await readManifest(join(runDir, MANIFEST_FILE));
    checkResumable(runDir, manifest, expected);
    const samplesPath = join(runDir, SAMPLES_FILE);
    const { samples, dropped } = await readAndRepairSamples(samplesPath);
    await removeResults(runDir);
    let handle: FileHandle;
    try {
      handle = await open(samplesPath, 'a');
    } catch (err) {
      throw new HarnessError('RECORD', `cannot open ${samplesPath}: ${(err as Error).message}`, { cause: err });
    }
    return { writer: new RecordWriter(runDir, manifest, handle), samples, dropped };
  }

  /** Samples queued so far. */
  get appended(): number {
    return this.count;
  }

  /**
   * Queue one samples.jsonl line. The result is serialised now (later changes to the object do
   * not leak into the record) and written with a single whole-line write, in call order. The
   * returned promise settles when the line is written; a failure also surfaces on flush/finish,
   * so callers that do not await every append still learn of it.
   */
  append(result: SampleResult): Promise<void> {
    if (this.closed || this.finished) {
      return Promise.reject(new HarnessError('RECORD', `${this.dir}: append after the record was ${this.closed ? 'closed' : 'finished'}`));
    }
    if (result.schema !== SAMPLE_RESULT_SCHEMA) {
      return Promise.reject(new HarnessError('RECORD', `sample result schema "${String(result.schema)}" is not "${SAMPLE_RESULT_SCHEMA}"`));
    }
    // JSON.stringify escapes newlines inside strings, so one result is exactly one line.
    const line = Buffer.from(`${JSON.stringify(result)}\n`, 'utf8');
    this.count++;
    const written = this.tail.then(() => this.writeLine(line));
    this.tail = written.catch(() => undefined);
    return written;
  }

  /** Wait for queued lines and make them durable (fdatasync), e.g. every few seconds or before exit. */
  async flush(): Promise<void> {
    await this.tail;
    this.throwIfFailed();
    if (this.closed) return;
    try {
      await this.handle.datasync();
    } catch (err) {
      throw this.fail(err);
    }
  }

  /** Flush samples and write results.json atomically. No line can be appended afterwards. */
  async finish(results: ResultsFile): Promise<void> {
    if (results.schema !== RESULTS_SCHEMA) {
      throw new HarnessError('RECORD', `results schema "${String(results.schema)}" is not "${RESULTS_SCHEMA}"`);
    }
    if (results.runId !== this.manifest.runId) {
      throw new HarnessError('RECORD', `results for run ${results.runId} cannot finish the record of run ${this.manifest.runId}`);
    }
    await this.flush();
    this.finished = true;
    await writeJsonAtomic(join(this.dir, RESULTS_FILE), results);
  }

  /** Wait for queued lines and close samples.jsonl. Safe to call twice; does not write results. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.tail;
    this.closed = true;
    await this.handle.close();
    this.throwIfFailed();
  }

  private async writeLine(line: Buffer): Promise<void> {
    this.throwIfFailed();
    try {
      let offset = 0;
      // write(2) on a regular file writes everything unless the disk is full or a signal lands;
      // loop over short writes rather than leave a short line behind.
      while (offset < line.length) {
        const { bytesWritten } = await this.handle.write(line, offset, line.length - offset);
        offset += bytesWritten;
      }
    } catch (err) {
      throw this.fail(err);
    }
  }

  private fail(err: unknown): HarnessError {
    this.failure ??= new HarnessError('RECORD', `cannot write ${join(this.dir, SAMPLES_FILE)}: ${(err as Error).message}`, { cause: err });
    return this.failure;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new HarnessError('RECORD', `cannot inspect ${path}: ${(err as Error).message}`, { cause: err });
  }
}
