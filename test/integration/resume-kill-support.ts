// Helpers for the crash-and-resume tests: spawn the real CLI, kill it with SIGKILL, read what it
// left behind (record lines, response-cache keys), and compare a final record with a reference run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { seededRandom } from '../../src/core/index.ts';
import type { RunRecord } from '../../src/store/index.ts';
import { freshTempDir } from '../support/tiny-models.ts';

export const bin = fileURLToPath(new URL('../../bin/ernie-eval.js', import.meta.url));

/** `count` GSM8K-format problems (`#### N` answers) under DIR/gsm8k/test.jsonl. */
export function gsm8kData(count: number): string {
  const dir = freshTempDir();
  mkdirSync(join(dir, 'gsm8k'));
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ question: `Ada has ${i} apples and picks ${3 * i + 1} more. How many apples does Ada have?`, answer: `${i} + ${3 * i + 1} = ${4 * i + 1}\n#### ${4 * i + 1}` }));
  writeFileSync(join(dir, 'gsm8k', 'test.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

/** Kill points are random but the same on every run of the suite. */
export const seeded = seededRandom;

export interface Attempt {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

export function startCli(args: string[]): Attempt {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** The one record folder under `outDir`, or undefined before the run created it. */
export function recordDir(outDir: string): string | undefined {
  const runs = existsSync(outDir) ? readdirSync(outDir) : [];
  return runs[0] === undefined ? undefined : join(outDir, runs[0]);
}

/** Whole lines of samples.jsonl parsed as {task, sampleId, requestKey}; a torn tail is ignored. */
export function recordedLines(dir: string | undefined): { task: string; sampleId: string; requestKey: string }[] {
  const file = dir === undefined ? undefined : join(dir, 'samples.jsonl');
  if (file === undefined || !existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  const out: { task: string; sampleId: string; requestKey: string }[] = [];
  for (const line of whole.split('\n')) {
    if (line === '') continue;
    try {
      out.push(JSON.parse(line) as { task: string; sampleId: string; requestKey: string });
    } catch {
      // only a last line can be bad; the run drops it on resume
    }
  }
  return out;
}

export function cacheKeys(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('SELECT request_key FROM responses').all() as { request_key: string }[]).map((r) => r.request_key));
  } finally {
    db.close();
  }
}

/** The plan line a resumed attempt prints before its first request. */
export function planOf(stderr: string): { fromRecord: number; fromCache: number; toCompute: number } | undefined {
  const m = /(\d+) samples from the record, (\d+) from the response cache, (\d+) to compute/.exec(stderr);
  return m === null ? undefined : { fromRecord: Number(m[1]), fromCache: Number(m[2]), toCompute: Number(m[3]) };
}

/** A resumed attempt recomputes nothing finished: the record's lines and the cached answers are all reused. */
export function expectNothingRecomputed(stderr: string, fromRecord: number, finished: number): void {
  const plan = planOf(stderr);
  expect(plan, stderr).toBeDefined();
  expect(plan?.fromRecord).toBe(fromRecord);
  expect((plan?.fromRecord ?? 0) + (plan?.fromCache ?? 0)).toBe(finished);
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** The final record holds the reference run's samples, once each, with the same answers and scores. */
export function expectSameRecord(final: RunRecord, reference: RunRecord): void {
  expect(final.warnings).toEqual([]);
  expect(final.results?.status).toBe('complete');
  const ids = final.samples.map((s) => `${s.task}/${s.sampleId}`);
  expect(new Set(ids).size).toBe(ids.length); // no duplicate lines
  expect(new Set(ids)).toEqual(new Set(reference.samples.map((s) => `${s.task}/${s.sampleId}`)));
  const byId = new Map(reference.samples.map((s) => [`${s.task}/${s.sampleId}`, s]));
  for (const s of final.samples) {
    const ref = byId.get(`${s.task}/${s.sampleId}`);
    expect(s.error).toBeUndefined();
    expect({ key: s.requestKey, completion: s.completion, score: s.score }).toEqual({ key: ref?.requestKey, completion: ref?.completion, score: ref?.score });
  }
  for (const [task, r] of Object.entries(reference.results?.tasks ?? {})) {
    const f = final.results?.tasks[task];
    expect({ metrics: f?.metrics, subsets: f?.subsets, macro: f?.macro, coverage: f?.coverage }).toEqual({ metrics: r.metrics, subsets: r.subsets, macro: r.macro, coverage: r.coverage });
  }
}
