// MBPP: loader and split, golden 3-shot prompt, code extraction, and execution in the sandbox —
// every reference solution of the 500 test problems must pass, a wrong one must fail, a hanging
// one must come back as a failure. Sandbox tests are skipped, visibly, without bwrap or python3.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Sample } from '../../src/core/index.ts';
import { runInSandbox, sandboxAvailable } from '../../src/scoring/index.ts';
import mbpp from '../../tasks/mbpp/task.ts';
import { buildProgram, extractCode, scoreMbpp } from '../../tasks/mbpp/scoring.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { generated, pool } from '../support/completions.ts';

const sandbox = (await sandboxAvailable()) && existsSync('/usr/bin/python3');
if (!sandbox) console.warn('[mbpp sandbox tests skipped] bwrap cannot create namespaces here or /usr/bin/python3 is missing');

const score = (sample: Sample, text: string) => scoreMbpp(sample, generated(text));

/** The reference code with the tested function's return value changed (wrapped in a tuple). */
function wrongProgram(sample: Sample): { source: string; tests: string } {
  const name = /assert\s*\(?\s*([A-Za-z_]\w*)\s*\(/.exec(String(sample.metadata?.['tests']))?.[1] ?? 'missing';
  const { source, tests } = buildProgram(sample, sample.target);
  return { source: `${source}\n\n_reference = ${name}\ndef ${name}(*args, **kwargs):\n    return ('wrong', _reference(*args, **kwargs))\n`, tests };
}

async function jsonlDir(lines: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mbpp-'));
  await writeFile(path.join(dir, 'mbpp.jsonl'), lines.join('\n') + '\n');
  return dir;
}

describe('mbpp task: bundled problems and prompt', () => {
  it('keeps task_ids 11-510 as the test split and 2, 3, 4 as the shots', async () => {
    const data = await mbpp.load(mbpp.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.origin?.line])).toEqual([['11', 4], ['12', 5]]);
    expect(data.fewshot.map((s) => s.id)).toEqual(['2', '3', '4']);
    expect(data.files.map((f) => f.path)).toEqual(['mbpp.jsonl']);
  });

  it('builds the 3-shot request (golden)', async () => {
    const data = await mbpp.load(mbpp.data.bundledDir);
    const request = mbpp.buildRequest(data.samples[0] as Sample, data);
    const head = 'You are an expert Python programmer, and here is your task: ';
    expect(request).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'text',
        text:
          `${head}Write a function to return the last element of a list. Your code should pass these tests:\n\nassert last_item([1, 2, 3]) == 3\nassert last_item(['a']) == 'a'\nassert last_item([0, -4]) == -4\n[BEGIN]\ndef last_item(items):\r\n  return items[-1]\n[DONE]\n\n` +
          `${head}Write a python function to check whether a number is even. Your code should pass these tests:\n\nassert is_even(4) == True\nassert is_even(7) == False\nassert is_even(0) == True\n[BEGIN]\ndef is_even(n):\r\n    return n % 2 == 0\n[DONE]\n\n` +
          `${head}Write a function to square every number of a list. Your code should pass these tests:\n\nassert square_all([1, 2, 3]) == [1, 4, 9]\nassert square_all([]) == []\nassert square_all([-2]) == [4]\n[BEGIN]\ndef square_all(nums):\r\n  return [x * x for x in nums]\n[DONE]\n\n` +
          `${head}Write a function to reverse the words of a sentence. Your code should pass these tests:\n\nassert reverse_words('hello big world') == 'world big hello'\nassert reverse_words('one') == 'one'\nassert reverse_words('a b') == 'b a'\n[BEGIN]\n`,
      },
      params: { maxTokens: 512, temperature: 0, until: ['[DONE]'] },
    });
  });

  it('extracts the code before [DONE], or the first fenced block', () => {
    expect(extractCode('def f():\n  return 1\n[DONE] trailing')).toBe('def f():\n  return 1\n');
    expect(extractCode('Here it is:\n```python\ndef f():\n  return 2\n```\nand more\n```\nx\n```')).toBe('def f():\n  return 2\n');
    expect(extractCode('def g(): pass')).toBe('def g(): pass');
  });

  it('names file and line of malformed input', async () => {
    const row = { text: 't', code: 'def f(): return 1', task_id: 11, test_setup_code: '', test_list: ['assert f() == 1'], challenge_test_list: [] };
    const good = JSON.stringify(row);
    await expect(mbpp.load(await jsonlDir([good, '{oops']))).rejects.toThrow(/mbpp\.jsonl:2: invalid JSON/);
    await expect(mbpp.load(await jsonlDir([good, good]))).rejects.toThrow(/mbpp\.jsonl:2: task_id 11 listed twice/);
    await expect(mbpp.load(await jsonlDir([JSON.stringify({ ...row, task_id: '11' })]))).rejects.toThrow(/mbpp\.jsonl:1: task_id must be a positive integer/);
    await expect(mbpp.load(await jsonlDir([JSON.stringify({ ...row, test_list: ['f() == 1'] })]))).rejects.toThrow(/mbpp\.jsonl:1: field "test_list"/);
    await expect(mbpp.load(await jsonlDir([good]))).rejects.toThrow(/few-shot problem task_id 2 is missing/);
    await expect(mbpp.load(await mkdtemp(path.join(tmpdir(), 'mbpp-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe.skipIf(!sandbox)('mbpp scoring in the sandbox (bundled)', () => {
  it('passes the reference solutions (test_setup_code runs after the code) and fails a wrong one', async () => {
    const { samples } = await mbpp.load(mbpp.data.bundledDir);
    for (const sample of samples) expect((await score(sample, `${sample.target}\n[DONE]`)).values['pass@1'], sample.id).toBe(1);
    const reverse = samples[0] as Sample;
    // Thinking removed, fenced block taken: this code runs, and reversing characters is wrong.
    const chars = await score(reverse, '<think>hmm</think>\n```python\ndef reverse_words(s):\n  return s[::-1]\n```');
    expect(chars).toMatchObject({ values: { 'pass@1': 0 }, extracted: { code: 'def reverse_words(s):\n  return s[::-1]\n' } });
    const fenced = await score(reverse, '```python\ndef reverse_words(s):\n  return " ".join(s.split()[::-1])\n```');
    expect(fenced).toMatchObject({ values: { 'pass@1': 1 }, extracted: { code: 'def reverse_words(s):\n  return " ".join(s.split()[::-1])\n' } });
    const wrong = await score(reverse, 'def reverse_words(s):\n  return s\n');
    expect(wrong.values['pass@1']).toBe(0);
    expect(wrong.explanation).toMatch(/AssertionError/);
  });

  it('a hanging solution is a failed sample, not a crash', async () => {
    const sample = (await mbpp.load(mbpp.data.bundledDir)).samples[0] as Sample;
    const s = await scoreMbpp(sample, generated('import time\ndef reverse_words(s):\n  time.sleep(60)\n'), { wallMs: 1500 });
    expect(s.values['pass@1']).toBe(0);
    expect(s.explanation).toMatch(/timed out/);
  });
});

describe.skipIf(!hasDataset('mbpp') || !sandbox)(`mbpp on the real file (${SKIP_REASON}, or without the sandbox)`, () => {
  it('has the 500 test problems; every reference solution passes and every wrong one fails', async () => {
    const { samples, fewshot, files } = await mbpp.load(path.join(datasetsDir, 'mbpp'));
    expect(samples).toHaveLength(500);
    expect(samples.map((s) => Number(s.id))).toEqual(Array.from({ length: 500 }, (_, i) => i + 11));
    expect(fewshot.map((s) => s.id)).toEqual(['2', '3', '4']);
    expect(files[0]?.sha256).toBe('ccf64ceae9c5403bf50a044cb6d505bfd2a2963ee58338ba268fd65beab92a9f');
    const reference = await pool(samples, 2, async (s) => [s.id, (await score(s, s.target)).explanation] as const);
    expect(reference.filter(([, why]) => why !== undefined)).toEqual([]);
    const wrong = await pool(samples, 2, async (s) => [s.id, (await runInSandbox(wrongProgram(s))).status] as const);
    expect(wrong.filter(([, status]) => status === 'passed')).toEqual([]);
  }, 150_000);
});
