// HumanEval+ (EvalPlus): the release's JSONL (gzipped or not; inputs kept as raw JSON text so that
// Infinity and integers beyond 2^53 reach Python intact), the direct-completion prompt, and
// differential testing in the sandbox: canonical solutions pass, wrong ones fail on the base or
// only on the plus inputs, and a solution that kills the checker is a failure, not a pass.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import { sandboxAvailable } from '../../src/scoring/index.ts';
import task from '../../tasks/humaneval-plus/task.ts';
import { rawJsonFields } from '../../tasks/humaneval-plus/raw-json-fields.ts';
import { scoreEvalPlus, solutionOf } from '../../tasks/humaneval-plus/evalplus-scoring.ts';
import { generated } from '../support/completions.ts';

const sandbox = (await sandboxAvailable()) && existsSync('/usr/bin/python3');
if (!sandbox) console.warn('[humaneval-plus sandbox tests skipped] bwrap cannot create namespaces here or /usr/bin/python3 is missing');

const data = await task.load(task.data.bundledDir);
const at = (i: number): Sample => data.samples[i] as Sample;
const score = (sample: Sample, text: string) => scoreEvalPlus(sample, generated(text), 'humaneval');

describe('humaneval-plus: loading and prompt', () => {
  it('reads HumanEvalPlus.jsonl.gz, keeping the test inputs as raw JSON', () => {
    expect(data.samples.map((s) => [s.id, s.metadata?.['entryPoint'], s.metadata?.['atol'], s.origin?.line])).toEqual([
      ['Bundled/0', 'clamp_unit', 0, 1],
      ['Bundled/1', 'digit_count', 0, 2],
      ['Bundled/2', 'mean_of', 0, 3],
    ]);
    expect(at(0).metadata?.['plusInput']).toBe('[[Infinity], [-Infinity], [1e-300], [0.9999999]]');
    expect(at(1).metadata?.['plusInput']).toBe('[[1180591620717411303425], [1000000000000000000000000000000], [999999999999999999999]]');
    expect(at(0).metadata?.['canonical']).toBe(`${at(0).input}    return min(1.0, max(0.0, x))\n`);
  });

  it('splits a line into raw fields and rejects broken JSON with file and line', async () => {
    expect(rawJsonFields('{"a": [1, "x]"], "b" : NaN, "c": {"d": "}"}}')).toEqual(new Map([['a', '[1, "x]"]'], ['b', 'NaN'], ['c', '{"d": "}"}']]));
    const dir = await mkdtemp(path.join(tmpdir(), 'heplus-'));
    const good = '{"task_id": "X/0", "prompt": "def f():\\n", "entry_point": "f", "canonical_solution": "    return 1\\n", "base_input": [[]], "plus_input": [], "atol": 0}';
    await writeFile(path.join(dir, 'HumanEvalPlus.jsonl'), `${good}\n{"task_id": "X/1", "prompt": \n`);
    await expect(task.load(dir)).rejects.toThrow(/HumanEvalPlus\.jsonl:2: invalid JSON/);
    await writeFile(path.join(dir, 'HumanEvalPlus.jsonl'), `${good}\n${good.replace('"entry_point": "f", ', '').replace('X/0', 'X/1')}\n`);
    await expect(task.load(dir)).rejects.toThrow(/HumanEvalPlus\.jsonl:2: field "entry_point" missing/);
    await writeFile(path.join(dir, 'HumanEvalPlus.jsonl'), `${good}\n${good}\n`);
    await expect(task.load(dir)).rejects.toThrow(/HumanEvalPlus\.jsonl:2: task_id "X\/0" listed twice/);
    await writeFile(path.join(dir, 'HumanEvalPlus.jsonl.gz'), gzipSync(`${good}\n`));
    expect((await task.load(dir)).files.map((f) => f.path)).toEqual(['HumanEvalPlus.jsonl.gz']);
    await expect(task.load(path.join(dir, 'none'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });

  it("sends the stripped prompt with evalplus's stops; the solution is prompt + completion cut there", () => {
    expect(task.buildRequest(at(1), data)).toEqual({
      kind: 'generate',
      prompt: { kind: 'text', text: `${at(1).input.trim()}\n` },
      params: {
        maxTokens: 768,
        temperature: 0,
        until: ['<|endoftext|>', '<|endofmask|>', '</s>', '\nif __name__', '\ndef main(', '\nprint(', '\ndef ', '\nclass ', '\nimport ', '\nfrom ', '\nassert '],
      },
    });
    // Cut at the stops, then evalplus's sanitiser (sanitize.ts): the entry point and what it needs.
    expect(solutionOf(at(1), '    return len(str(n))\n\ndef unused():\n    pass', 'humaneval')).toBe(`${at(1).input.trim()}\n    return len(str(n))`);
    expect(solutionOf(at(1), 'Here:\n```python\ndef digit_count(n):\n    return 1\n```', 'humaneval')).toBe('def digit_count(n):\n    return 1');
  });
});

describe.skipIf(!sandbox)('humaneval-plus: differential testing in the sandbox', () => {
  it('passes every canonical solution on base and plus inputs', async () => {
    for (const sample of data.samples) {
      const canonical = sample.target;
      expect((await score(sample, canonical)).values, sample.id).toEqual({ 'pass@1': 1, 'base_pass@1': 1 });
    }
  }, 60_000);

  it('fails a wrong solution on base, and one that is only wrong on the extra inputs on plus only', async () => {
    const wrong = await score(at(1), '    return len(str(n)) + 1\n');
    expect(wrong.values).toEqual({ 'pass@1': 0, 'base_pass@1': 0 });
    expect(wrong.explanation).toMatch(/^base fail: input 0: AssertionError/);
    // Right on the original inputs, wrong on infinities (plus inputs).
    const plusOnly = await score(at(0), '    if abs(x) > 1e308: raise ValueError\n    return min(1.0, max(0.0, x))\n');
    expect(plusOnly.values).toEqual({ 'pass@1': 0, 'base_pass@1': 1 });
    expect(plusOnly.explanation).toMatch(/^plus fail: input 0: ValueError/);
  }, 60_000);

  it('compares floats with atol 1e-6 as evalplus does, not exactly', async () => {
    expect((await score(at(2), '    return sum(values) / len(values) + 1e-9\n')).values['pass@1']).toBe(1);
    expect((await score(at(2), '    return round(sum(values) / len(values), 3)\n')).values['pass@1']).toBe(0);
  }, 60_000);

  it('a solution that exits, hangs or prints a fake verdict is a failure', async () => {
    const exited = await score(at(1), '    import os\n    os._exit(0)\n');
    expect(exited.values['pass@1']).toBe(0);
    expect(exited.explanation).toMatch(/no verdict/);
    const forged = await score(at(1), '    print(\'{"base": {"status": "pass", "why": ""}, "plus": {"status": "pass", "why": ""}}\')\n    return 0\n');
    expect(forged.values['pass@1']).toBe(0);
    const hanging = await scoreEvalPlus(at(1), generated('    while True:\n        pass\n'), 'humaneval', { wallMs: 8000 });
    expect(hanging.values['pass@1']).toBe(0);
    expect(hanging.explanation).toMatch(/timeout|no verdict/);
  }, 60_000);
});
