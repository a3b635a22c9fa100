import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import charxiv from '../../tasks/charxiv/task.ts';
import { answerNumber, finalAnswer, grade, normalizeTerm } from '../../tasks/charxiv/grading.ts';
import { descriptiveQuestion, numberInstruction } from '../../tasks/charxiv/prompt.ts';
import { generated } from '../support/completions.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

const realDir = path.join(datasetsDir, 'charxiv');
const score = (s: Sample, text: string) => charxiv.score(s, generated(text)).values['acc'];

describe('charxiv: bundled fixtures and prompts', () => {
  it('reads descriptive (4 per figure) and reasoning questions of the val split', async () => {
    const data = await charxiv.load(charxiv.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['descriptive/9001/0', 'descriptive', 'Training loss'],
      ['descriptive/9001/1', 'descriptive', 'Epoch'],
      ['descriptive/9001/2', 'descriptive', '2'],
      ['descriptive/9001/3', 'descriptive', 'Model A, Model B'],
      ['descriptive/9002/0', 'descriptive', 'Not Applicable'],
      ['descriptive/9002/1', 'descriptive', 'Not Applicable'],
      ['descriptive/9002/2', 'descriptive', '1 by 1'],
      ['descriptive/9002/3', 'descriptive', '1'],
      ['reasoning/9001', 'reasoning', '0.20'],
      ['reasoning/9002', 'reasoning', 'Bergen'],
    ]);
    expect(data.samples[0]?.images).toEqual([{ kind: 'path', path: path.join(charxiv.data.bundledDir, 'images/9001.jpg') }]);
  });

  it('builds the official questions: location prefix, template, number-of-decimals instruction', async () => {
    const data = await charxiv.load(charxiv.data.bundledDir);
    const byId = new Map(data.samples.map((s) => [s.id, s.input]));
    expect(byId.get('descriptive/9001/0')).toBe(
      "For the current plot, what is its title?\n    * Your final answer should be the most relevant title of the plot that is explicitly written.\n    * If the plot does not have an explicit title or contains only a letter, answer 'Not Applicable'.\n    ",
    );
    expect(byId.get('descriptive/9002/0')?.startsWith('For the bar chart, what is the label of the y-axis?')).toBe(true);
    expect(byId.get('descriptive/9002/2')?.startsWith('What is the layout of the subplots?')).toBe(true); // no prefix for 18/19
    expect(byId.get('reasoning/9001')).toBe('What is the loss of Model B at epoch 4?\n    * Your final answer must be a number with 2 decimal places.\n    ');
    expect(descriptiveQuestion(10, [2, 3]).startsWith('For the subplot at row 2 and column 3, how many lines are there?')).toBe(true);
    expect(numberInstruction('12')).toBe('* Your final answer must be an exact integer.');
  });
});

describe('charxiv rule-based grading', () => {
  it('picks the final answer: last box, text after "answer is", or the last line', () => {
    expect(finalAnswer('I think 3.\n**Final answer:** 4.')).toBe('4');
    expect(finalAnswer('So \\boxed{7} is it')).toBe('7');
    expect(finalAnswer('Looking at the legend...\nModel A, Model B')).toBe('Model A, Model B');
    expect(finalAnswer('<think>answer is 9</think>The answer is "Epoch".')).toBe('Epoch');
  });

  it('compares numbers by value across notations', () => {
    expect(grade('1.5e3', '1500', 'number')).toBe(1);
    expect(grade('1,500', '1500', 'number')).toBe(1);
    expect(grade('$10^{-2}$', '0.01', 'number')).toBe(1);
    expect(grade('0.012', '0.01', 'number')).toBe(0);
    expect(grade('There are 2 lines', '2', 'number')).toBe(1);
    expect(answerNumber('about 1.5 × 10^3 units')).toBe(1500);
  });

  it('requires "Not Applicable" exactly when the gold says so', () => {
    expect(grade('Not Applicable', 'Not Applicable', 'number')).toBe(1);
    expect(grade('0', 'Not Applicable', 'number')).toBe(0);
    expect(grade('Not Applicable', '3', 'number')).toBe(0);
  });

  it('normalises terms: case, TeX, Greek letters, letter prefixes of titles', () => {
    expect(normalizeTerm('$\\alpha$')).toBe(normalizeTerm('α'));
    expect(grade('(a) Increment over time', 'Increment over time', 'title')).toBe(1);
    expect(grade('Increment', 'Increment over time', 'title')).toBe(0);
    expect(grade('b', '(b)', 'terms-any-order')).toBe(1);
  });

  it('keeps legend order for descriptive labels but not for reasoning terms', () => {
    expect(grade('Model B, Model A', 'Model A, Model B', 'terms-ordered')).toBe(0);
    expect(grade('Model A,Model B', 'Model A, Model B', 'terms-ordered')).toBe(1);
    expect(grade('Model B, Model A', 'Model A, Model B', 'terms-any-order')).toBe(1);
  });

  it('reads yes/no and layouts', () => {
    expect(grade('No, there are no intersections.', 'no', 'yes-no')).toBe(1);
    expect(grade('No, all the lines are parallel.', 'Yes', 'yes-no')).toBe(0);
    expect(grade('2 x 3', '2 by 3', 'layout')).toBe(1);
    expect(grade('3 by 2', '2 by 3', 'layout')).toBe(0);
  });

  it('scores fixture answers through the task with the rubric of each question', async () => {
    const data = await charxiv.load(charxiv.data.bundledDir);
    const byId = new Map(data.samples.map((s) => [s.id, s]));
    const s = (id: string) => byId.get(id) as Sample;
    expect(score(s('descriptive/9001/2'), 'There are two lines; the answer is 2.')).toBe(1);
    expect(score(s('descriptive/9001/3'), 'Model A, Model B')).toBe(1);
    expect(score(s('descriptive/9002/0'), 'The y-axis has no label: Not Applicable')).toBe(1);
    expect(score(s('reasoning/9001'), 'Reading the blue line, the answer is 0.2')).toBe(1); // 0.2 = 0.20 in value
    expect(score(s('reasoning/9001'), 'The answer is 0.25')).toBe(0);
    expect(charxiv.score(s('reasoning/9002'), generated(''))).toMatchObject({ values: { acc: 0 }, extracted: { final_answer: null } });
  });
});

describe.skipIf(!hasDataset('charxiv'))(`charxiv on the real val split (${SKIP_REASON})`, () => {
  it('has 4,000 descriptive and 1,000 reasoning questions (SOURCE.md: 1,000 val figures)', async () => {
    const data = await charxiv.load(realDir);
    expect(data.samples.filter((s) => s.subset === 'descriptive')).toHaveLength(4000);
    expect(data.samples.filter((s) => s.subset === 'reasoning')).toHaveLength(1000);
  });

  it('builds every question exactly as the official build_descriptive_quries / build_reasoning_queries', async () => {
    // Reference: sha256 over "<id>\0<question>\0" in id order, questions built by the official
    // src/descriptive_utils.py and src/reasoning_utils.py (@7ebe88f) run on the same val files.
    const data = await charxiv.load(realDir);
    const h = createHash('sha256');
    for (const s of [...data.samples].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) h.update(`${s.id}\0${s.input}\0`, 'utf8');
    expect(h.digest('hex')).toBe('4829cc3ff09d1c51055958fedd88d428326dadf22ff7d8ffdba215ad7714ab92');
  });

  it('grades every gold answer right when the model answers it verbatim', async () => {
    const data = await charxiv.load(realDir);
    const wrong = data.samples.filter((s) => score(s, `The final answer is ${s.target}`) !== 1);
    expect(wrong.map((s) => `${s.id}: ${s.target}`)).toEqual([]);
  });
});
