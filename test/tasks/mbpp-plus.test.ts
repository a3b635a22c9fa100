// MBPP+ (EvalPlus): the release's JSONL, the docstring prompt with MBPP's stops, MBPP+'s input
// types (task 2's arguments are tuples, as evalplus's mbpp_deserialize_inputs makes them) and
// float tolerance, in the sandbox: canonical solutions pass, wrong ones fail.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import { sandboxAvailable } from '../../src/scoring/index.ts';
import task from '../../tasks/mbpp-plus/task.ts';
import { solutionOf } from '../../tasks/humaneval-plus/evalplus-scoring.ts';
import { generated } from '../support/completions.ts';

const sandbox = (await sandboxAvailable()) && existsSync('/usr/bin/python3');
if (!sandbox) console.warn('[mbpp-plus sandbox tests skipped] bwrap cannot create namespaces here or /usr/bin/python3 is missing');

const data = await task.load(task.data.bundledDir);
const at = (i: number): Sample => data.samples[i] as Sample;
const score = (sample: Sample, text: string) => (task.scoreAsync as NonNullable<typeof task.scoreAsync>)(sample, generated(text));

describe('mbpp-plus: loading and prompt', () => {
  it('reads MbppPlus.jsonl.gz and prompts with the docstring, stopping where evalplus stops', () => {
    expect(data.samples.map((s) => [s.id, s.metadata?.['entryPoint']])).toEqual([
      ['Mbpp/2', 'join_tuples'],
      ['Mbpp/600', 'circle_area'],
    ]);
    const request = task.buildRequest(at(0), data);
    expect(request).toMatchObject({ kind: 'generate', prompt: { kind: 'text', text: `${at(0).input.trim()}\n` } });
    if (request.kind !== 'generate') throw new Error('expected generate');
    expect(request.params.until.slice(-2)).toEqual(['\n"""', '\nassert']);
    expect(solutionOf(at(0), 'def join_tuples(a, b):\n    return a + b\nassert join_tuples((), ()) == ()', 'mbpp')).toBe('def join_tuples(a, b):\n    return a + b'); // the prompt's docstring and the assert go, as in evalplus
  });
});

describe.skipIf(!sandbox)('mbpp-plus: differential testing in the sandbox', () => {
  it('passes the canonical solutions', async () => {
    for (const sample of data.samples) expect((await score(sample, sample.target)).values, sample.id).toEqual({ 'pass@1': 1, 'base_pass@1': 1 });
  }, 60_000);

  it('gives task 2 tuples, so a solution returning a list fails', async () => {
    const s = await score(at(0), 'def join_tuples(a, b):\n    return list(a) + list(b)\n');
    expect(s.values).toEqual({ 'pass@1': 0, 'base_pass@1': 0 });
    expect(s.explanation).toMatch(/expected \(1, 2, 3\), got \[1, 2, 3\]/);
  }, 60_000);

  it('accepts a float within 1e-6, not a rough constant', async () => {
    expect((await score(at(1), 'import math\ndef circle_area(r):\n    return r * r * math.pi\n')).values['pass@1']).toBe(1);
    expect((await score(at(1), 'def circle_area(r):\n    return 3.14159 * r * r\n')).values).toEqual({ 'pass@1': 0, 'base_pass@1': 0 });
  }, 60_000);
});
