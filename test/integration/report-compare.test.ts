// `report` on a real smoke record and `compare` on synthetic records of 1,000 samples, through the
// CLI commands in-process.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { reportCommand } from '../../src/cli/report-command.ts';
import { compareCommand } from '../../src/cli/compare-command.ts';
import { STEP_SUMMARY_LIMIT_BYTES } from '../../src/report/index.ts';
import type { CompareResult } from '../../src/report/index.ts';
import { parse } from 'csv-parse/sync';
import { freshTempDir } from '../support/tiny-models.ts';
import { outcomes, plantDrop, rerun, SYN_TASK, writeSyntheticRecord } from '../unit/report/synthetic-record.ts';

async function captured(fn: () => Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await fn(), stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Tiny structural JUnit check: balanced testsuite/testcase elements, counts that add up. */
function junitCases(xml: string): { name: string; failed: boolean }[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect((xml.match(/<testsuites\b/g) ?? []).length).toBe(1);
  expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  const cases = [...xml.matchAll(/<testcase classname="[^"<]*" name="([^"<]*)"(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({ name: (m[1] as string).replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'), failed: (m[3] ?? '').includes('<failure') }));
  const tests = /<testsuite [^>]*tests="(\d+)" failures="(\d+)"/.exec(xml);
  expect(Number(tests?.[1])).toBe(cases.length);
  expect(Number(tests?.[2])).toBe(cases.filter((c) => c.failed).length);
  expect((xml.match(/<testcase\b/g) ?? []).length).toBe(cases.length);
  return cases;
}

describe('ernie-eval report on a smoke record', () => {
  const previousCache = process.env['ERNIE_EVAL_CACHE'];
  let record = '';
  beforeAll(async () => {
    process.env['ERNIE_EVAL_CACHE'] = freshTempDir('ernie-eval-cache-');
    const run = await captured(() => main(['run', '--suite', 'smoke', '--out', freshTempDir(), '--workers', '1']));
    expect(run.code).toBe(0);
    record = /^Record: (.+)$/m.exec(run.stdout)?.[1] ?? '';
  }, 120_000);
  afterAll(() => {
    if (previousCache === undefined) delete process.env['ERNIE_EVAL_CACHE'];
    else process.env['ERNIE_EVAL_CACHE'] = previousCache;
  });

  it('writes results.csv, samples.csv, summary.md, junit.xml, report.html and the PNG charts from the record alone', async () => {
    const out = freshTempDir();
    const r = await captured(() => reportCommand([record, '--out', out]));
    expect(r.code).toBe(0);
    for (const f of ['results.csv', 'samples.csv', 'summary.md', 'junit.xml', 'report.html']) expect(existsSync(join(out, f))).toBe(true);
    // PNG charts need the optional canvas package (installed by .ci/run); without it they are skipped with a reason.
    const canvas = await import('canvas').then(() => true).catch(() => false);
    for (const chart of ['chart-task-bars.png', 'chart-latency.png']) expect(existsSync(join(out, chart))).toBe(canvas);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<table');
    const samples = readFileSync(join(record, 'samples.jsonl'), 'utf8').trim().split('\n');
    const rows = parse(readFileSync(join(out, 'samples.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(samples.length);
    expect(new Set(rows.map((x) => x['task']))).toEqual(new Set(['gsm8k', 'mmlu']));
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(Buffer.byteLength(summary)).toBeLessThan(STEP_SUMMARY_LIMIT_BYTES);
    expect(summary).toContain('| gsm8k |');
    expect(summary).toContain('| mmlu |');
    const cases = junitCases(readFileSync(join(out, 'junit.xml'), 'utf8'));
    expect(cases.map((c) => c.name)).toEqual(['gsm8k', 'mmlu']);
    expect(cases.every((c) => !c.failed)).toBe(true);
  });

  it('turns failed gates of a profile into failing test cases and exit 1', async () => {
    const out = freshTempDir();
    const profile = join(out, 'profile.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(profile, JSON.stringify({ name: 't', suites: ['smoke'], gates: [{ task: 'gsm8k', min: 1 }, { task: '*', maxErrorRate: 0 }] }));
    const r = await captured(() => reportCommand([record, '--out', out, '--profile', profile]));
    const cases = junitCases(readFileSync(join(out, 'junit.xml'), 'utf8'));
    const gsmGate = cases.find((c) => c.name.startsWith('gsm8k: exact_match,strict-match >='));
    // The tiny model's smoke accuracy is far below 100%, so the min gate must fail.
    expect(gsmGate?.failed).toBe(true);
    expect(cases.filter((c) => c.name.includes('error rate')).every((c) => !c.failed)).toBe(true);
    expect(r.code).toBe(1);
  });

  it('compare refuses a folder that is not a record with one line and exit 2', async () => {
    const r = await captured(() => compareCommand([freshTempDir(), record]));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
  });
});

describe('ernie-eval compare on 1,000-sample records', () => {
  const root = freshTempDir();
  const n = 1000;
  const base = outcomes(n, 0.7, 101);

  it('flags a planted 5-point regression (exit 1) and lists its flipped samples', async () => {
    const baseDir = await writeSyntheticRecord(root, 'base', base);
    const worse = plantDrop(rerun(base, 0.7, 0.1, 202), 5, 303);
    const newDir = await writeSyntheticRecord(root, 'worse', worse, { msPerSample: 150 });
    const out = join(root, 'out-worse');
    const r = await captured(() => compareCommand([baseDir, newDir, '--max-drop', '1.0', '--alpha', '0.05', '--out', out]));
    expect(r.code).toBe(1);
    const c = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as CompareResult;
    const t = c.tasks[0];
    expect(t?.taskId).toBe(SYN_TASK);
    expect(t?.verdict).toBe('regressed');
    expect(t?.method).toBe('mcnemar');
    expect(t?.nShared).toBe(n);
    expect(t?.diff).toBeLessThan(-0.03);
    expect(t?.flipped.filter((f) => f.direction === 'broken').length).toBeGreaterThanOrEqual(50);
    // Efficiency deltas: the new run's requests took 150 ms instead of 100.
    const p50 = c.efficiency.find((e) => e.name === 'latencyP50Ms');
    expect(p50?.base).toBe(100);
    expect(p50?.new).toBe(150);
    expect(p50?.diff).toBe(50);
    const md = readFileSync(join(out, 'compare.md'), 'utf8');
    expect(md).toContain('REGRESSION');
    expect(md).toContain('latencyP50Ms');
    const cases = junitCases(readFileSync(join(out, 'compare-junit.xml'), 'utf8'));
    expect(cases).toEqual([{ name: SYN_TASK, failed: true }]);
  });

  it('does not flag two runs that differ only by noise of the size of their interval (exit 0)', async () => {
    const a = outcomes(n, 0.7, 404);
    const b = outcomes(n, 0.7, 505);
    const aDir = await writeSyntheticRecord(root, 'noise-a', a);
    const bDir = await writeSyntheticRecord(root, 'noise-b', b);
    const out = join(root, 'out-noise');
    const r = await captured(() => compareCommand([aDir, bDir, '--out', out]));
    const c = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as CompareResult;
    const t = c.tasks[0];
    // Independent runs: their accuracies differ by up to about one run's own 95% half-width.
    const halfWidth = 1.96 * Math.sqrt((0.7 * 0.3) / n);
    expect(Math.abs(t?.diff ?? 1)).toBeLessThan(halfWidth);
    expect(t?.verdict).toBe('unchanged');
    expect(r.code).toBe(0);
  });

  it('refuses records of different task versions with a clear message and exit 2', async () => {
    const v1 = await writeSyntheticRecord(root, 'ver-1', base.slice(0, 50));
    const v2 = await writeSyntheticRecord(root, 'ver-2', base.slice(0, 50), { version: '2.0' });
    const r = await captured(() => compareCommand([v1, v2]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syn-qa is version 2\.0 .* 1\.0 .*not comparable/);
  });

  it('rejects bad thresholds as usage errors', async () => {
    const r = await captured(() => compareCommand(['a', 'b', '--alpha', '2']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--alpha');
  });
});
