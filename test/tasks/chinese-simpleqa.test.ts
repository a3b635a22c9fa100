// Chinese SimpleQA: the official JSONL, the request of the official judge script, and the
// character-level string-match approximation of its LLM grader.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import task from '../../tasks/chinese-simpleqa/task.ts';
import { normalizeChinese } from '../../tasks/simpleqa/approx-grade.ts';
import { generated } from '../support/completions.ts';

const data = await task.load(task.data.bundledDir);
const at = (i: number): Sample => data.samples[i] as Sample;
const score = (i: number, text: string) => task.score(at(i), generated(text)).values;

describe('chinese-simpleqa', () => {
  it('reads chinese_simpleqa.jsonl with the primary category as subset', () => {
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.metadata?.['secondaryCategory']])).toEqual([
      ['bundled-zh-1', '自然与自然科学', 'Sl', '化学'],
      ['bundled-zh-2', '中华文化', '林远舟', '文学'],
      ['bundled-zh-3', '工程、技术与应用科学', '1250.5', '交通'],
    ]);
  });

  it('names the line of a bad record', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'csqa-'));
    const good = JSON.stringify({ id: 'a', primary_category: 'p', secondary_category: 's', question: 'q', answer: 'x' });
    await writeFile(path.join(dir, 'chinese_simpleqa.jsonl'), `${good}\n${JSON.stringify({ id: 'b', primary_category: 'p', secondary_category: 's', question: 'q' })}\n`);
    await expect(task.load(dir)).rejects.toThrow(/chinese_simpleqa\.jsonl:2: field "answer" missing/);
    await writeFile(path.join(dir, 'chinese_simpleqa.jsonl'), `${good}\n${good}\n`);
    await expect(task.load(dir)).rejects.toThrow(/chinese_simpleqa\.jsonl:2: id "a" listed twice/);
  });

  it('sends the system message and question of the official script', () => {
    expect(task.buildRequest(at(1), data)).toMatchObject({
      prompt: { kind: 'chat', messages: [{ role: 'system', content: '你是一个智能助手。' }, { role: 'user', content: '测试集中虚构的小说《青灯记》的作者是谁？' }] },
    });
  });

  it('matches the gold answer inside the response, ignoring width, case, spaces and punctuation', () => {
    expect(normalizeChinese('《林远舟》， ＳＬ')).toBe('林远舟sl');
    expect(score(1, '这部小说的作者是林远舟。')).toEqual({ correct_approx: 1, exact_match: 0 });
    expect(score(1, '林远舟')).toEqual({ correct_approx: 1, exact_match: 1 });
    expect(score(1, '作者是林远。')).toEqual({ correct_approx: 0, exact_match: 0 });
    expect(score(0, '它的符号是 ＳＬ。').correct_approx).toBe(1);
    // A Latin or numeric answer is not found inside a longer word or number.
    expect(score(0, '温度单位是celsius').correct_approx).toBe(0);
    expect(score(2, '全长约21250.5米').correct_approx).toBe(0);
    expect(score(2, '全长约1250.5米').correct_approx).toBe(1);
    // A rounded number is correct for the official grader, not for the approximation.
    expect(score(2, '全长约1250米').correct_approx).toBe(0);
  });
});
