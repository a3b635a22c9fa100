// HumanEval: loader, golden prompt, stop-sequence truncation, and execution in the sandbox —
// every canonical solution of the real file must pass, a wrong one must fail, a hanging one
// must come back as a failure. Sandbox tests are skipped, visibly, without bwrap or python3.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import { runInSandbox, sandboxAvailable } from '../../src/scoring/index.ts';
import { toSampleResult } from '../../src/runner/sample-result.ts';
import type { WorkItem } from '../../src/runner/schedule.ts';
import type { TaskSpec } from '../../src/core/index.ts';
import humaneval from '../../tasks/humaneval/task.ts';
import { buildProgram, scoreHumanEval, truncateAtStop } from '../../tasks/humaneval/scoring.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { generated, pool } from '../support/completions.ts';

const sandbox = (await sandboxAvailable()) && existsSync('/usr/bin/python3');
if (!sandbox) console.warn('[humaneval sandbox tests skipped] bwrap cannot create namespaces here or /usr/bin/python3 is missing');

const score = (sample: Sample, text: string) => (humaneval.scoreAsync as NonNullable<typeof humaneval.scoreAsync>)(sample, generated(text));

/** The canonical solution with its return value changed: wrapped so the function returns a tuple. */
function wrongProgram(sample: Sample): { source: string; tests: string } {
  const ep = String(sample.metadata?.['entryPoint']);
  const { source, tests } = buildProgram(sample, sample.target);
  return { source: `${source}\n\n_reference = ${ep}\ndef ${ep}(*args):\n    return ('wrong', _reference(*args))\n`, tests };
}

async function gzFile(lines: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'humaneval-'));
  await writeFile(path.join(dir, 'HumanEval.jsonl.gz'), gzipSync(Buffer.from(lines.join('\n') + '\n')));
  return dir;
}

describe('humaneval task: bundled problems and prompt', () => {
  it('reads the gzipped official layout', async () => {
    const data = await humaneval.load(humaneval.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.metadata?.['entryPoint'], s.origin?.line])).toEqual([
      ['Bundled/0', 'running_max', 1],
      ['Bundled/1', 'count_vowels', 2],
      ['Bundled/2', 'digit_sum', 3],
    ]);
    expect(data.fewshot).toEqual([]);
    expect(data.files.map((f) => f.path)).toEqual(['HumanEval.jsonl.gz']);
  });

  it('builds the zero-shot completion request (golden)', async () => {
    const data = await humaneval.load(humaneval.data.bundledDir);
    expect(humaneval.buildRequest(data.samples[1] as Sample, data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'text',
        text: "\ndef count_vowels(word: str) -> int:\n    \"\"\" Count the vowels a, e, i, o, u in word, ignoring case.\n    >>> count_vowels('Banana')\n    3\n    \"\"\"\n",
      },
      params: { maxTokens: 1024, temperature: 0, until: ['\nclass', '\ndef', '\n#', '\nif', '\nprint'] },
    });
  });

  it('cuts a completion at the first top-level stop sequence only', () => {
    expect(truncateAtStop('    return 1\n\ndef other():\n    pass')).toBe('    return 1\n');
    expect(truncateAtStop('    # a comment\n    if x:\n        return 2\n#end')).toBe('    # a comment\n    if x:\n        return 2');
    expect(truncateAtStop('    return 3\nprint(f(1))\nclass A: pass')).toBe('    return 3');
    expect(truncateAtStop('    return 4\n')).toBe('    return 4\n');
  });

  it('names file and line of malformed input', async () => {
    const good = JSON.stringify({ task_id: 'X/0', prompt: 'def f():\n', canonical_solution: '    return 1\n', test: 'def check(c):\n    assert c() == 1\n', entry_point: 'f' });
    const badJson = await gzFile([good, '{"task_id": ']);
    await expect(humaneval.load(badJson)).rejects.toThrow(/HumanEval\.jsonl\.gz:2: invalid JSON/);
    const noEntry = await gzFile([good, JSON.stringify({ ...JSON.parse(good), task_id: 'X/1', entry_point: undefined })]);
    await expect(humaneval.load(noEntry)).rejects.toThrow(/HumanEval\.jsonl\.gz:2: .*entry_point/);
    const duplicate = await gzFile([good, good]);
    await expect(humaneval.load(duplicate)).rejects.toThrow(/:2: task_id "X\/0" listed twice/);
    const plain = await mkdtemp(path.join(tmpdir(), 'humaneval-'));
    await writeFile(path.join(plain, 'HumanEval.jsonl.gz'), `${good}\n`);
    await expect(humaneval.load(plain)).rejects.toThrow(/HumanEval\.jsonl\.gz: not a gzip file/);
    const missing = await mkdtemp(path.join(tmpdir(), 'humaneval-'));
    await expect(humaneval.load(missing)).rejects.toMatchObject({ code: 'DATA_MISSING' });
    await expect(humaneval.load(missing)).rejects.toBeInstanceOf(DataError);
  });

  it('refuses synchronous scoring: the runner must use scoreAsync', () => {
    expect(() => humaneval.score({ id: 'x', input: '', target: '' }, generated(''))).toThrow(/scoreAsync/);
  });
});

describe('the runner awaits scoreAsync', () => {
  const work = (spec: TaskSpec): WorkItem =>
    ({
      task: { spec, status: 'ready', source: 'bundled', dir: '', data: { samples: [], fewshot: [], files: [] }, available: 1, items: [] },
      item: { sample: { id: 'x', input: 'def f():\n', target: '' }, request: { key: 'k', kind: 'generate', prompt: { kind: 'text', text: 'p' }, params: { maxTokens: 8, temperature: 0, until: [] } }, promptText: 'p' },
    }) as unknown as WorkItem;

  it('records the awaited score, and a rejected one as a SCORING error on the sample', async () => {
    const ok = await toSampleResult(work({ ...humaneval, scoreAsync: async () => ({ values: { 'pass@1': 1 } }) }), { ok: true, completion: generated('x') });
    expect(ok.score).toEqual({ values: { 'pass@1': 1 } });
    const failing = { ...humaneval, scoreAsync: () => Promise.reject(new Error('sandbox unavailable')) };
    const bad = await toSampleResult(work(failing), { ok: true, completion: generated('x') });
    expect(bad.score).toBeUndefined();
    expect(bad.error).toMatchObject({ code: 'SCORING', message: expect.stringMatching(/sandbox unavailable/) });
  });
});

describe.skipIf(!sandbox)('humaneval scoring in the sandbox (bundled)', () => {
  it('passes the canonical solutions and fails wrong ones, with a reason', async () => {
    const { samples } = await humaneval.load(humaneval.data.bundledDir);
    for (const sample of samples) {
      expect(await score(sample, sample.target), sample.id).toMatchObject({ values: { 'pass@1': 1 } });
    }
    const digitSum = samples[2] as Sample;
    const wrong = await score(digitSum, '    return n % 10\n');
    expect(wrong.values['pass@1']).toBe(0);
    expect(wrong.explanation).toMatch(/AssertionError/);
    // Text after a stop sequence is not executed: the broken tail does not matter.
    expect((await score(digitSum, `${digitSum.target}\nprint(undefined_name)`)).values['pass@1']).toBe(1);
  });

  it('a hanging solution is a failed sample, not a crash', async () => {
    const sample = (await humaneval.load(humaneval.data.bundledDir)).samples[0] as Sample;
    const s = await scoreHumanEval(sample, generated('    while True:\n        pass\n'), { wallMs: 1500, cpuSeconds: 5 });
    expect(s.values['pass@1']).toBe(0);
    expect(s.explanation).toMatch(/timed out/);
  });
});

describe.skipIf(!hasDataset('humaneval') || !sandbox)(`humaneval on the real file (${SKIP_REASON}, or without the sandbox)`, () => {
  it('has the 164 published problems; every canonical solution passes and every wrong one fails', async () => {
    const { samples, files } = await humaneval.load(path.join(datasetsDir, 'humaneval'));
    expect(samples).toHaveLength(164);
    expect(samples.map((s) => s.id)).toEqual(Array.from({ length: 164 }, (_, i) => `HumanEval/${i}`));
    expect(files[0]?.sha256).toBe('b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef');
    const canonical = await pool(samples, 2, async (s) => [s.id, (await score(s, s.target)).values['pass@1']] as const);
    expect(canonical.filter(([, v]) => v !== 1)).toEqual([]);
    const wrong = await pool(samples, 2, async (s) => [s.id, (await runInSandbox(wrongProgram(s))).status] as const);
    expect(wrong.filter(([, status]) => status === 'passed')).toEqual([]);
  }, 120_000);
});
