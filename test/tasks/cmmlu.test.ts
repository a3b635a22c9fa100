import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import cmmlu from '../../tasks/cmmlu/task.ts';
import { CMMLU_SUBJECTS } from '../../tasks/cmmlu/subjects.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { loglik } from '../support/completions.ts';


const HEADER = ',Question,A,B,C,D,Answer\n';
const DEV = HEADER + Array.from({ length: 5 }, (_, i) => `${i},问题${i},甲,乙,丙,丁,A\n`).join('');

async function layout(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cmmlu-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

describe('cmmlu task: bundled fixtures', () => {
  it('loads {dev,test}/<subject>.csv with the header and a multi-line quoted question', async () => {
    const data = await cmmlu.load(cmmlu.data.bundledDir);
    expect(data.samples).toHaveLength(5);
    expect(data.fewshot).toHaveLength(10);
    expect(data.files.map((f) => f.path)).toEqual(['dev/astronomy.csv', 'dev/chinese_food_culture.csv', 'test/astronomy.csv', 'test/chinese_food_culture.csv']);
    expect(data.samples.find((s) => s.id === 'astronomy/1')).toMatchObject({
      subset: 'astronomy',
      input: '一颗恒星的视差为0.5角秒，\n它与我们的距离约为多少秒差距？',
      target: 'C',
      targetIndex: 2,
      choices: ['0.5', '1', '2', '5'],
      origin: { file: 'test/astronomy.csv', line: 3 },
    });
  });

  it('renders the exact lm-eval 5-shot prompt with the Chinese description (golden)', async () => {
    const data = await cmmlu.load(cmmlu.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'chinese_food_culture/0') as Sample;
    expect(cmmlu.buildRequest(sample, data)).toEqual({
      kind: 'loglikelihood',
      context:
        '以下是关于中国饮食文化的单项选择题，请直接给出正确答案的选项。\n\n' +
        '饺子在北方通常是哪个节日的传统食品\nA. 春节\nB. 端午节\nC. 中秋节\nD. 清明节\n答案： A\n\n' +
        '粽子与下列哪个节日关系最密切\nA. 元宵节\nB. 端午节\nC. 重阳节\nD. 七夕节\n答案： B\n\n' +
        '月饼是哪个节日的传统食品\nA. 春节\nB. 端午节\nC. 中秋节\nD. 元宵节\n答案： C\n\n' +
        '“麻婆豆腐”属于哪个菜系\nA. 粤菜\nB. 鲁菜\nC. 川菜\nD. 苏菜\n答案： C\n\n' +
        '元宵节的传统食品是\nA. 汤圆\nB. 饺子\nC. 年糕\nD. 粽子\n答案： A\n\n' +
        '北京烤鸭通常搭配下列哪种食物一起食用\nA. 米饭\nB. 面条\nC. 薄饼\nD. 馒头\n答案：',
      continuations: [' A', ' B', ' C', ' D'],
    });
  });

  it('scores acc and acc_norm (equal: the choices are single letters)', async () => {
    const data = await cmmlu.load(cmmlu.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'astronomy/2') as Sample; // gold B
    expect(cmmlu.score(sample, loglik([-2, -0.1, -3, -4]))).toEqual({ values: { acc: 1, acc_norm: 1 }, extracted: { acc: 'B', acc_norm: 'B' } });
    expect(cmmlu.score(sample, loglik([-0.1, -2, -3, -4])).values).toEqual({ acc: 0, acc_norm: 0 });
    expect(cmmlu.score(sample, loglik([-1, -2])).explanation).toMatch(/unusable/);
  });
});

describe('cmmlu task: malformed input', () => {
  it('rejects a bad Answer, naming file, line and field', async () => {
    const dir = await layout({ 'dev/arts.csv': DEV, 'test/arts.csv': `${HEADER}0,好?,a,b,c,d,A\n1,坏?,a,b,c,d,E\n` });
    const err = await cmmlu.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${path.join(dir, 'test/arts.csv')}:3: field "Answer" must be one of A, B, C, D, found "E"`);
  });

  it('rejects a short row, a wrong header and an unknown subject', async () => {
    let dir = await layout({ 'dev/arts.csv': DEV, 'test/arts.csv': `${HEADER}0,短?,a,b,c,A\n` });
    await expect(cmmlu.load(dir)).rejects.toThrow(`${path.join(dir, 'test/arts.csv')}:2: expected 7 columns, found 6`);
    dir = await layout({ 'dev/arts.csv': DEV, 'test/arts.csv': 'question,A,B,C,D,answer\n' });
    await expect(cmmlu.load(dir)).rejects.toThrow(`${path.join(dir, 'test/arts.csv')}:1: expected header ",Question,A,B,C,D,Answer"`);
    dir = await layout({ 'dev/arts.csv': DEV, 'test/cooking.csv': `${HEADER}0,q,a,b,c,d,A\n` });
    await expect(cmmlu.load(dir)).rejects.toThrow(/cooking\.csv: unknown CMMLU subject "cooking"/);
  });

  it('needs five dev items per tested subject; a missing folder is DATA_MISSING', async () => {
    let dir = await layout({ 'dev/arts.csv': `${HEADER}0,q,a,b,c,d,A\n`, 'test/arts.csv': `${HEADER}0,q,a,b,c,d,A\n` });
    await expect(cmmlu.load(dir)).rejects.toThrow(/arts\.csv: has 1 items, 5-shot prompts need 5/);
    dir = await layout({});
    await expect(cmmlu.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('cmmlu task: real data', () => {
  const dir = path.join(datasetsDir, 'cmmlu');
  const present = hasDataset('cmmlu');

  it.skipIf(!present)(`parses all 11,582 test and 335 dev rows over 67 subjects (${SKIP_REASON})`, async () => {
    const data = await cmmlu.load(dir);
    expect(data.samples).toHaveLength(11_582);
    expect(data.fewshot).toHaveLength(335);
    const subjects = new Set(data.samples.map((s) => s.subset));
    expect(subjects.size).toBe(67);
    expect([...subjects].sort()).toEqual(Object.keys(CMMLU_SUBJECTS).sort());
    expect(data.files).toHaveLength(134);
    // SOURCE.md: test/professional_accounting.csv has 176 records including the header.
    expect(data.samples.filter((s) => s.subset === 'professional_accounting')).toHaveLength(175);
    expect(data.files.find((f) => f.path === 'test/professional_accounting.csv')?.sha256).toBe('109f4d0885450b6544e0da1ddeb3f86e60151c872df29f7cadf4a1dfb521d306');
    for (const s of data.samples) expect(['A', 'B', 'C', 'D'][s.targetIndex ?? -1]).toBe(s.target);
  });

  it.skipIf(!present)(`renders a 5-shot prompt from the real dev split (${SKIP_REASON})`, async () => {
    const data = await cmmlu.load(dir);
    const req = cmmlu.buildRequest(data.samples.find((s) => s.id === 'agronomy/0') as Sample, data);
    if (req.kind !== 'loglikelihood') throw new Error('expected loglikelihood');
    expect(req.context.startsWith('以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n肉牛屠宰后，胴体的哪个部位肉质较好\nA. 胸\nB. 腹\nC. 大腿\nD. 小腿\n答案： C\n\n')).toBe(true);
    expect(req.context.match(/\n答案： [A-D]\n\n/g)).toHaveLength(5);
    expect(req.context.endsWith('\n答案：')).toBe(true);
  });
});
