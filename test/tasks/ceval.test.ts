import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import { openZip } from '../../src/task/readers/index.ts';
import ceval from '../../tasks/ceval/task.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { loglik } from '../support/completions.ts';


const MAPPING = JSON.stringify({ law: ['Law', '法学', 'Humanities'] });
const DEV = 'id,question,A,B,C,D,answer,explanation\n' + Array.from({ length: 5 }, (_, i) => `${i},问题${i}____。,甲,乙,丙,丁,A,\n`).join('');

async function layout(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ceval-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

/** The bundled zip extracted into a temp folder, with the same mapping. */
async function extractedFixtures(): Promise<string> {
  const zip = await openZip(path.join(ceval.data.bundledDir, 'ceval-exam.zip'));
  const files: Record<string, string> = {};
  for (const name of zip.fileNames()) files[name] = zip.readText(name);
  const dir = await layout(files);
  await copyFile(path.join(ceval.data.bundledDir, 'subject_mapping.json'), path.join(dir, 'subject_mapping.json'));
  return dir;
}

describe('ceval task: bundled fixtures', () => {
  it('reads the official zip directly: val items, dev shots, never the answerless test split', async () => {
    const data = await ceval.load(ceval.data.bundledDir);
    expect(data.samples.map((s) => s.id)).toEqual(['art_studies/0', 'art_studies/1', 'art_studies/2', 'high_school_physics/0', 'high_school_physics/1']);
    expect(data.fewshot).toHaveLength(10);
    expect(data.files.map((f) => f.path)).toEqual(['ceval-exam.zip', 'subject_mapping.json']);
    expect(data.samples.find((s) => s.id === 'high_school_physics/0')).toMatchObject({
      input: '做匀速圆周运动的物体，\n下列物理量中不变的是____。',
      target: 'C',
      targetIndex: 2,
      choices: ['线速度', '向心加速度', '周期', '向心力'],
      origin: { file: 'ceval-exam.zip!/val/high_school_physics_val.csv', line: 2 },
      metadata: { subject_zh: '高中物理', category: 'STEM' },
    });
  });

  it('reads the extracted {dev,val}/ layout to the same items', async () => {
    const zipped = await ceval.load(ceval.data.bundledDir);
    const extracted = await ceval.load(await extractedFixtures());
    const strip = (s: Sample) => ({ ...s, origin: s.origin?.line });
    expect(extracted.samples.map(strip)).toEqual(zipped.samples.map(strip));
    expect(extracted.fewshot.map(strip)).toEqual(zipped.fewshot.map(strip));
    expect(extracted.files.map((f) => f.path).sort()).toEqual(['dev/art_studies_dev.csv', 'dev/high_school_physics_dev.csv', 'subject_mapping.json', 'val/art_studies_val.csv', 'val/high_school_physics_val.csv']);
  });

  it('renders the exact lm-eval ceval-valid 5-shot prompt (golden)', async () => {
    const data = await ceval.load(ceval.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'art_studies/2') as Sample;
    expect(ceval.buildRequest(sample, data)).toEqual({
      kind: 'loglikelihood',
      context:
        '以下是中国关于艺术学的单项选择题，请选出其中的正确答案。\n\n' +
        '《蒙娜丽莎》的作者是____。\nA. 米开朗基罗\nB. 拉斐尔\nC. 达·芬奇\nD. 梵高\n答案： C\n\n' +
        '京剧中扮演女性角色的行当称为____。\nA. 生\nB. 旦\nC. 净\nD. 丑\n答案： B\n\n' +
        '“书圣”通常指的是____。\nA. 颜真卿\nB. 柳公权\nC. 王羲之\nD. 欧阳询\n答案： C\n\n' +
        '交响乐通常由几个乐章组成____。\nA. 两个\nB. 三个\nC. 四个\nD. 六个\n答案： C\n\n' +
        '敦煌莫高窟位于今天的____。\nA. 甘肃\nB. 陕西\nC. 河南\nD. 山西\n答案： A\n\n' +
        '芭蕾舞起源于____。\nA. 意大利\nB. 俄罗斯\nC. 美国\nD. 日本\n答案：',
      continuations: [' A', ' B', ' C', ' D'],
    });
    expect(ceval.score(sample, loglik([-0.2, -1, -2, -3]))).toEqual({ values: { acc: 1, acc_norm: 1 }, extracted: { acc: 'A', acc_norm: 'A' } });
    expect(ceval.score(sample, loglik([-2, -1, -2, -3])).values).toEqual({ acc: 0, acc_norm: 0 });
  });
});

describe('ceval task: malformed input', () => {
  it('names file and line for a bad answer and a duplicate id (extracted layout)', async () => {
    let dir = await layout({ 'subject_mapping.json': MAPPING, 'dev/law_dev.csv': DEV, 'val/law_val.csv': 'id,question,A,B,C,D,answer\n0,q,a,b,c,d,A\n1,q,a,b,c,d,\n' });
    const err = await ceval.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${path.join(dir, 'val/law_val.csv')}:3: field "answer" must be one of A, B, C, D, found ""`);
    dir = await layout({ 'subject_mapping.json': MAPPING, 'dev/law_dev.csv': DEV, 'val/law_val.csv': 'id,question,A,B,C,D,answer\n0,q,a,b,c,d,A\n0,q,a,b,c,d,B\n' });
    await expect(ceval.load(dir)).rejects.toThrow(`${path.join(dir, 'val/law_val.csv')}:3: duplicate id "0"`);
  });

  it('refuses an answerless val file by its header, and names archive!/entry for a zipped file', async () => {
    const zip = await openZip(path.join(ceval.data.bundledDir, 'ceval-exam.zip'));
    const files: Record<string, string> = { 'subject_mapping.json': MAPPING, 'dev/law_dev.csv': DEV, 'val/law_val.csv': 'id,question,A,B,C,D\n0,q,a,b,c,d\n' };
    const dir = await layout(files);
    // A test-split-like val file (no answer column) is refused with its header line.
    await expect(ceval.load(dir)).rejects.toThrow(`${path.join(dir, 'val/law_val.csv')}:1: expected header "id,question,A,B,C,D,answer"`);
    // The same check through the zip names archive!/entry:line.
    await copyFile(path.join(ceval.data.bundledDir, 'ceval-exam.zip'), path.join(dir, 'ceval-exam.zip'));
    await expect(ceval.load(dir)).rejects.toThrow(`${path.join(dir, 'ceval-exam.zip')}!/val/art_studies_val.csv: subject "art_studies" is not in subject_mapping.json`);
    expect(zip.fileNames()).toContain('test/art_studies_test.csv');
  });

  it('requires subject_mapping.json and five dev items; missing data is DATA_MISSING', async () => {
    let dir = await layout({ 'dev/law_dev.csv': DEV, 'val/law_val.csv': 'id,question,A,B,C,D,answer\n0,q,a,b,c,d,A\n' });
    await expect(ceval.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING', message: expect.stringContaining('subject_mapping.json') });
    dir = await layout({ 'subject_mapping.json': '{"law": ["Law", "法学"]}' });
    await expect(ceval.load(dir)).rejects.toThrow(/subject_mapping\.json: subject "law": expected \[English name, Chinese name, category\]/);
    dir = await layout({ 'subject_mapping.json': MAPPING, 'dev/law_dev.csv': DEV.split('\n').slice(0, 3).join('\n'), 'val/law_val.csv': 'id,question,A,B,C,D,answer\n0,q,a,b,c,d,A\n' });
    await expect(ceval.load(dir)).rejects.toThrow(/law_dev\.csv: has 2 items, 5-shot prompts need 5/);
    dir = await layout({ 'subject_mapping.json': MAPPING });
    await expect(ceval.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('ceval task: real data', () => {
  const dir = path.join(datasetsDir, 'ceval');
  const present = hasDataset('ceval');

  it.skipIf(!present)(`parses all 1,346 val and 260 dev rows over 52 subjects from the zip (${SKIP_REASON})`, async () => {
    const data = await ceval.load(dir);
    expect(data.samples).toHaveLength(1346);
    expect(data.fewshot).toHaveLength(260);
    expect(new Set(data.samples.map((s) => s.subset)).size).toBe(52);
    expect(new Set(data.samples.map((s) => s.id)).size).toBe(1346);
    expect(data.files.find((f) => f.path === 'ceval-exam.zip')?.sha256).toBe('b28bc560b655dc3c0ff05b20648b5ef8caed732bdaa8918e66fe5f3a1c711c52');
    // The test split (12,342 rows, no answers) is in the zip but never read.
    expect(data.samples.some((s) => s.origin?.file.includes('/test/'))).toBe(false);
  });

  it.skipIf(!present)(`renders a 5-shot prompt from the real dev split (${SKIP_REASON})`, async () => {
    const data = await ceval.load(dir);
    const req = ceval.buildRequest(data.samples.find((s) => s.id === 'accountant/0') as Sample, data);
    if (req.kind !== 'loglikelihood') throw new Error('expected loglikelihood');
    expect(req.context.startsWith('以下是中国关于注册会计师的单项选择题，请选出其中的正确答案。\n\n甲公司是国内一家上市公司。')).toBe(true);
    expect(req.context.match(/\n答案： [A-D]\n\n/g)).toHaveLength(5);
    expect(req.context.endsWith('\n答案：')).toBe(true);
  });
});
