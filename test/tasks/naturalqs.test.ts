// NQ-Open (lm-eval `nq_open`): both published layouts (Hugging Face Parquet, google-research
// JSONL), lm-eval's 5-shot prompt with its seeded shots, and exact match with articles ignored.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import naturalqs from '../../tasks/naturalqs/task.ts';
import { generated } from '../support/completions.ts';

const data = await naturalqs.load(naturalqs.data.bundledDir);
const byIndex = (i: number): Sample => data.samples[i] as Sample;
const score = (i: number, text: string) => naturalqs.score(byIndex(i), generated(text)).values.exact_match;

describe('naturalqs: loading', () => {
  it('reads the Parquet layout; shots are the CPython random.Random(1234).sample draws', () => {
    expect(data.samples.map((s) => [s.id, s.target, s.metadata?.['aliases'], s.metadata?.['shots']])).toEqual([
      ['validation/0', 'the Wend', '["the Wend","River Wend"]', '[6,3,0,4,5]'],
      ['validation/1', 'three', '["three","3"]', '[6,4,0,5,3]'],
      ['validation/2', 'Ines Marlow', '["Ines Marlow"]', '[6,2,1,0,3]'],
    ]);
    expect(data.fewshot).toHaveLength(7);
    expect(data.files.map((f) => f.path)).toEqual(['nq_open/validation-00000-of-00001.parquet', 'nq_open/train-00000-of-00001.parquet']);
  });

  it('reads the google-research JSONL layout to the same samples and names a bad line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nq-'));
    const line = (s: Sample) => JSON.stringify({ question: s.input, answer: JSON.parse(String(s.metadata?.['aliases'])) });
    await writeFile(path.join(dir, 'NQ-open.dev.jsonl'), data.samples.map(line).join('\n') + '\n');
    await writeFile(path.join(dir, 'NQ-open.train.jsonl'), data.fewshot.map(line).join('\n') + '\n');
    const jsonl = await naturalqs.load(dir);
    expect(jsonl.samples.map((s) => [s.id, s.input, s.metadata])).toEqual(data.samples.map((s) => [s.id, s.input, s.metadata]));
    expect(jsonl.samples[1]?.origin).toEqual({ file: 'NQ-open.dev.jsonl', line: 2 });
    await writeFile(path.join(dir, 'NQ-open.dev.jsonl'), `${line(byIndex(0))}\n{"question": "q", "answer": []}\n`);
    await expect(naturalqs.load(dir)).rejects.toThrow(/NQ-open\.dev\.jsonl:2: field "answer" must be a non-empty list/);
  });
});

describe('naturalqs: prompt and scoring', () => {
  it("renders lm-eval's nq_open 5-shot prompt (golden)", () => {
    expect(naturalqs.buildRequest(byIndex(0), data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'text',
        text:
          'Answer these questions:\n\n' +
          'Q: what language is spoken in the bundled valley of umber?\nA: Umbric\n' +
          'Q: what is the capital of the bundled province of lyre?\nA: Harth\n' +
          'Q: what colour is the flag of the bundled republic of ostrava?\nA: green\n' +
          'Q: how tall is the bundled tower of senn?\nA: 212 metres\n' +
          'Q: who painted the bundled mural in hollin hall?\nA: Petra Osk\n' +
          'Q: which river flows through the bundled town of ashcombe?\nA:',
      },
      params: { maxTokens: 256, temperature: 0, until: ['\n', '.', ','] },
    });
  });

  it('ignores case, punctuation and leading articles (regexes_to_ignore), on both sides', () => {
    expect(score(0, ' Wend')).toBe(1); // "the Wend" loses its article
    expect(score(0, ' The river wend!')).toBe(1);
    expect(score(0, ' Wend river')).toBe(0);
    expect(score(1, ' 3\nQ:')).toBe(1);
    expect(score(1, ' 3.5')).toBe(1); // cut at "." as lm-eval cuts it
    expect(score(2, ' ines marlow')).toBe(1);
    expect(score(2, ' Marlow')).toBe(0);
  });
});
