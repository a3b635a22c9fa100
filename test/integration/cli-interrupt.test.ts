// Ctrl-C stops a run cleanly: the process exits 130, results.json says "interrupted", and every
// sample finished before the signal is in samples.jsonl, whole and counted.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecord } from '../../src/store/index.ts';
import { freshTempDir, tinyModelDir } from '../support/tiny-models.ts';

const bin = fileURLToPath(new URL('../../bin/ernie-eval.js', import.meta.url));

function gsm8kData(count: number): string {
  const dir = freshTempDir();
  mkdirSync(join(dir, 'gsm8k'));
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ question: `Sam has ${i} pens and buys ${i + 2} more. How many pens does Sam have now?`, answer: `${i} + ${i + 2} = <<${i}+${i + 2}=${2 * i + 2}>>${2 * i + 2}\n#### ${2 * i + 2}` }));
  writeFileSync(join(dir, 'gsm8k', 'test.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

function sampleLines(outDir: string): number {
  const runs = existsSync(outDir) ? readdirSync(outDir) : [];
  const file = runs[0] === undefined ? undefined : join(outDir, runs[0], 'samples.jsonl');
  return file !== undefined && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').length : 0;
}

describe('Ctrl-C during a run', () => {
  it('exits 130 and leaves a readable record holding what was done', async () => {
    const outDir = freshTempDir();
    const args = [bin, 'run', '--tasks', 'gsm8k', '--data-dir', gsm8kData(60), '--model', await tinyModelDir('ernie4_5'), '--out', outDir, '--workers', '1', '--batch-size', '1', '--no-cache'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Interrupt once a few samples are on disk, well before the 60 are done.
    const deadline = Date.now() + 60_000;
    while (sampleLines(outDir) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(sampleLines(outDir)).toBeGreaterThanOrEqual(3);
    child.kill('SIGINT');
    const code = await exited;
    expect(stderr).toContain('interrupted');
    expect(code).toBe(130);
    const runDir = join(outDir, readdirSync(outDir)[0] as string);
    const record = await readRecord(runDir);
    expect(record.warnings).toEqual([]); // no torn line
    expect(record.results?.status).toBe('interrupted');
    const done = record.samples.length;
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(60);
    expect(new Set(record.samples.map((s) => s.sampleId)).size).toBe(done);
    expect(record.results?.tasks['gsm8k']?.coverage.total).toBe(done);
    expect(stdout).toContain(`Record: ${runDir}`);
  });
});
