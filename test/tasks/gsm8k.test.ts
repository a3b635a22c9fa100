import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import { expectObject, readJsonl, requireBoolean, requireString } from '../../src/task/readers/index.ts';
import gsm8k from '../../tasks/gsm8k/task.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { generated, timing } from '../support/completions.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });

/** Extracted answers and scores of both filters for one output. */
function run(text: string, target: string) {
  const s = gsm8k.score(sample(target), generated(text));
  return {
    strict: s.extracted?.['strict-match'],
    flexible: s.extracted?.['flexible-extract'],
    strictScore: s.values['exact_match,strict-match'],
    flexibleScore: s.values['exact_match,flexible-extract'],
  };
}

async function tempFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gsm8k-'));
  await writeFile(path.join(dir, 'test.jsonl'), text);
  return dir;
}

describe('gsm8k task: bundled fixtures and prompt', () => {
  it('loads test.jsonl with the final answer as target (commas removed)', async () => {
    const data = await gsm8k.load(gsm8k.data.bundledDir);
    expect(data.samples).toHaveLength(6);
    expect(data.samples.map((s) => s.target)).toEqual(['216', '375', '40', '25', '12', '5000']);
    expect(data.samples[0]).toMatchObject({ id: '0', origin: { file: 'test.jsonl', line: 1 } });
    expect(data.fewshot).toEqual([]);
    expect(data.files.map((f) => f.path)).toEqual(['test.jsonl']);
  });

  it('renders the exact lm-eval gsm8k_cot 8-shot prompt (golden) with its generation settings', async () => {
    const data = await gsm8k.load(gsm8k.data.bundledDir);
    expect(gsm8k.buildRequest(data.samples[0] as Sample, data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'text',
        text:
          'Q: There are 15 trees in the grove. Grove workers will plant trees in the grove today. After they are done, there will be 21 trees. How many trees did the grove workers plant today?\n' +
          'A: There are 15 trees originally. Then there were 21 trees after some more were planted. So there must have been 21 - 15 = 6. The answer is 6.\n\n' +
          'Q: If there are 3 cars in the parking lot and 2 more cars arrive, how many cars are in the parking lot?\n' +
          'A: There are originally 3 cars. 2 more cars arrive. 3 + 2 = 5. The answer is 5.\n\n' +
          'Q: Leah had 32 chocolates and her sister had 42. If they ate 35, how many pieces do they have left in total?\n' +
          'A: Originally, Leah had 32 chocolates. Her sister had 42. So in total they had 32 + 42 = 74. After eating 35, they had 74 - 35 = 39. The answer is 39.\n\n' +
          'Q: Jason had 20 lollipops. He gave Denny some lollipops. Now Jason has 12 lollipops. How many lollipops did Jason give to Denny?\n' +
          'A: Jason started with 20 lollipops. Then he had 12 after giving some to Denny. So he gave Denny 20 - 12 = 8. The answer is 8.\n\n' +
          'Q: Shawn has five toys. For Christmas, he got two toys each from his mom and dad. How many toys does he have now?\n' +
          'A: Shawn started with 5 toys. If he got 2 toys each from his mom and dad, then that is 4 more toys. 5 + 4 = 9. The answer is 9.\n\n' +
          'Q: There were nine computers in the server room. Five more computers were installed each day, from monday to thursday. How many computers are now in the server room?\n' +
          'A: There were originally 9 computers. For each of 4 days, 5 more computers were added. So 5 * 4 = 20 computers were added. 9 + 20 is 29. The answer is 29.\n\n' +
          'Q: Michael had 58 golf balls. On tuesday, he lost 23 golf balls. On wednesday, he lost 2 more. How many golf balls did he have at the end of wednesday?\n' +
          'A: Michael started with 58 golf balls. After losing 23 on tuesday, he had 58 - 23 = 35. After losing 2 more, he had 35 - 2 = 33 golf balls. The answer is 33.\n\n' +
          'Q: Olivia has $23. She bought five bagels for $3 each. How much money does she have left?\n' +
          'A: Olivia had 23 dollars. 5 bagels for 3 dollars each will be 5 x 3 = 15 dollars. So she has 23 - 15 dollars left. 23 - 15 is 8. The answer is 8.\n\n' +
          'Q: A bakery sells muffins for $3 each. On Monday it sold 24 muffins and on Tuesday it sold twice as many. How much money did the bakery make from muffins over the two days?\n' +
          'A:',
      },
      params: { maxTokens: 256, temperature: 0, until: ['Q:', '</s>', '<|im_end|>'] },
    });
  });
});

// Every extracted value below was checked against Python's re.findall with lm-eval's patterns.
describe('gsm8k scoring: strict-match vs flexible-extract', () => {
  it('both accept the exemplar format, trailing period included', () => {
    expect(run(' 24 * 2 = 48. 72 * 3 = 216. The answer is 216.', '216')).toEqual({ strict: '216', flexible: '216.', strictScore: 1, flexibleScore: 1 });
  });

  it('thousands separators are removed on both sides before comparing', () => {
    expect(run('The answer is 5,000.', '5000')).toMatchObject({ strict: '5,000', flexible: '5,000.', strictScore: 1, flexibleScore: 1 });
  });

  it('a dollar sign defeats strict-match but not flexible-extract', () => {
    expect(run('So she makes $18 a day. The answer is $18.', '18')).toEqual({ strict: null, flexible: '$18.', strictScore: 0, flexibleScore: 1 });
  });

  it('negative answers keep their sign', () => {
    expect(run('The temperature changed by 3 - 8 = -5. The answer is -5.', '-5')).toMatchObject({ strict: '-5', flexible: '-5.', strictScore: 1, flexibleScore: 1 });
    expect(run('The answer is 5.', '-5')).toMatchObject({ strictScore: 0, flexibleScore: 0 });
  });

  it('flexible-extract takes the last number, strict-match the first "The answer is"', () => {
    // The greedy group keeps the "." when a space follows it; exact_match drops it again.
    expect(run('The answer is 12. Wait, 12 + 3 = 15', '15')).toMatchObject({ strict: '12.', flexible: '15', strictScore: 0, flexibleScore: 1 });
    expect(run('The answer is 12. Wait, 12 + 3 = 15', '12')).toMatchObject({ strictScore: 1, flexibleScore: 0 });
  });

  it('no number → null for both, scored 0', () => {
    expect(run('I cannot solve this problem.', '7')).toEqual({ strict: null, flexible: null, strictScore: 0, flexibleScore: 0 });
  });

  it('an lm-eval quirk is kept: strict-match needs one character after the number', () => {
    // "The answer is (\-?[0-9\.\,]+)." — with nothing after "18" the trailing "." (any character)
    // can only match by giving back the "8", so lm-eval extracts "1". We reproduce, not repair.
    expect(run('The answer is 18', '18')).toMatchObject({ strict: '1', flexible: '18', strictScore: 0, flexibleScore: 1 });
  });

  it('a decimal is not an integer: "18.50" does not match 1850', () => {
    expect(run('The answer is 18.50.', '1850')).toMatchObject({ strict: '18.50', strictScore: 0, flexibleScore: 0 });
  });

  it('ignores thinking and whatever follows a stop sequence', () => {
    expect(run('<think>The answer is 99. No.</think>\nThe answer is 18.', '18')).toMatchObject({ strict: '18', strictScore: 1 });
    expect(run('partial reasoning 99 </think> The answer is 18.', '18')).toMatchObject({ strict: '18', flexibleScore: 1 });
    expect(run('<think>The answer is 18 but let me check 4', '18')).toEqual({ strict: null, flexible: null, strictScore: 0, flexibleScore: 0 });
    expect(run('The answer is 18.\n\nQ: Tom has 40 apples\nA: 40', '18')).toMatchObject({ flexible: '18.', flexibleScore: 1 });
  });

  it('scores a log-likelihood completion as wrong instead of throwing', () => {
    const s = gsm8k.score(sample('1'), { kind: 'loglikelihood', logprobs: [], greedy: [], continuationTokens: [], timing, tokens: { prompt: 0, generated: 0 } });
    expect(s.values).toEqual({ 'exact_match,strict-match': 0, 'exact_match,flexible-extract': 0 });
  });
});

describe('gsm8k task: malformed input', () => {
  it('a line that is not JSON', async () => {
    const dir = await tempFile('{"question": "q", "answer": "#### 1"}\nnot json\n');
    const err = await gsm8k.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(new RegExp(`^${path.join(dir, 'test.jsonl').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid JSON`));
  });

  it('a missing field', async () => {
    const dir = await tempFile('{"question": "q", "answer": "#### 1"}\n\n{"question": "q2"}\n');
    await expect(gsm8k.load(dir)).rejects.toThrow(`${path.join(dir, 'test.jsonl')}:3: field "answer" missing`);
  });

  it('an answer without its "####" line', async () => {
    const dir = await tempFile('{"question": "q", "answer": "just 1"}\n');
    await expect(gsm8k.load(dir)).rejects.toThrow(/test\.jsonl:1: field "answer" has no final "#### <number>" line/);
  });

  it('a missing file is DATA_MISSING', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gsm8k-'));
    await expect(gsm8k.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('gsm8k task: real data', () => {
  const dir = path.join(datasetsDir, 'gsm8k');
  const present = hasDataset('gsm8k');

  it.skipIf(!present)(`has 1,319 test problems with numeric targets (${SKIP_REASON})`, async () => {
    const data = await gsm8k.load(dir);
    expect(data.samples).toHaveLength(1319);
    for (const s of data.samples) expect(s.target).toMatch(/^-?\d+(\.\d+)?$/);
    expect(data.samples[0]?.target).toBe('18');
    expect(data.files[0]?.sha256).toBe('3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14');
  });

  /*
   * Fidelity of our lm-eval-style scoring against OpenAI's own correctness labels.
   * example_model_solutions.jsonl holds, for each of the 1,319 test problems, solutions from four
   * GPT-3 models (6B/175B, fine-tuned/verifier) with `is_correct`. They end with "A: <number>",
   * not "The answer is", so strict-match extracts nothing (asserted below: it depends on the
   * exemplar format) and flexible-extract (last number) + exact_match is what we compare.
   *
   * Measured when written: 5,276 / 5,276 agree (100.00 %). What the run exercises:
   * - 4,995 integer final answers (1,999 labelled correct);
   * - 28 with thousands separators ("A: 1,000"), 2 labelled correct: these need the comma
   *   removal; comparing raw strings would disagree on them;
   * - 238 decimal answers ("A: 18.5"), all labelled wrong, as every GSM8K target is an integer;
   * - 11 solutions cut off before any "A:" line and 4 non-numeric answers ("1/5",
   *   "-1.8 billion", "10+John's age", "7/14"), all labelled wrong; the last number we extract
   *   from them never equals the target.
   * A naive "last run of digits equals the target" scorer agrees on 5,263 (13 fewer). The floor
   * is set just under the measured figure so that a regression in extraction or normalisation
   * fails the test; if it ever trips, look at the disagreements before lowering it.
   */
  it.skipIf(!present)(`flexible-extract + exact_match agrees with the official is_correct labels (${SKIP_REASON})`, async () => {
    const data = await gsm8k.load(dir);
    const records = await readJsonl(path.join(dir, 'example_model_solutions.jsonl'));
    expect(records).toHaveLength(1319);
    const models = ['6b_finetuning', '6b_verification', '175b_finetuning', '175b_verification'];
    let agree = 0;
    let total = 0;
    let strictExtracted = 0;
    const disagreements: string[] = [];
    records.forEach(({ value, line }, i) => {
      const at = { file: 'example_model_solutions.jsonl', line };
      const obj = expectObject(value, at);
      const s = data.samples[i] as Sample;
      expect(requireString(obj, 'question', at)).toBe(s.input);
      for (const model of models) {
        const entry = expectObject(obj[model], at);
        const label = requireBoolean(entry, 'is_correct', at);
        const score = gsm8k.score(s, generated(requireString(entry, 'solution', at)));
        if (score.extracted?.['strict-match'] != null) strictExtracted++;
        const ours = score.values['exact_match,flexible-extract'] === 1;
        total++;
        if (ours === label) agree++;
        else disagreements.push(`line ${line} ${model}: label ${label}, extracted ${score.extracted?.['flexible-extract']}, target ${s.target}`);
      }
    });
    expect(total).toBe(5276);
    expect(strictExtracted).toBe(0);
    expect(agree / total, disagreements.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.998);
  });
});
