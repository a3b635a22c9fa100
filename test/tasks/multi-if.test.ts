// Multi-IF: the Hugging Face CSV (JSON cells, double-encoded kwargs, missing turns), the
// conversation of each turn, scoring with IFEval's checkers (shared) and Multi-IF's
// language-aware word and sentence counts (expected counts computed with Multi-IF's ifeval.py
// functions), and the per-turn metrics the runner aggregates.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample, SampleResult } from '../../src/core/index.ts';
import { aggregateTask } from '../../src/scoring/index.ts';
import task, { multiTurn } from '../../tasks/multi-if/task.ts';
import { countSentencesChineseJapanese, countSentencesHindi, countWordsChineseJapanese, multiIfWordCount } from '../../tasks/multi-if/checkers.ts';
import { generated } from '../support/completions.ts';

const data = await task.load(task.data.bundledDir);
const byId = (id: string): Sample => data.samples.find((s) => s.id === id) as Sample;
const LONG_EN =
  'The bundled lighthouse stands on a grey rock at the edge of the northern bay and its lamp turns all night long so that ships coming home from the far fishing grounds can find the narrow channel between the reefs even in fog and rain and wind';

describe('multi-if: loading multiIF_20241018.csv', () => {
  it('reads each conversation with its language; a "None" turn does not exist', () => {
    expect(data.samples.map((s) => [s.id, s.subset, s.origin?.line])).toEqual([
      ['9001:1:en', 'English', 2],
      ['9002:1:zh', 'Chinese', 3],
      ['9003:1:hi', 'Hindi', 4],
    ]);
    expect(multiTurn.nextTurn(byId('9002:1:zh'), data, ['a', 'b'])).toBeNull();
  });

  it('names the line of an unknown instruction or malformed kwargs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'multi-if-'));
    const text = (await import('node:fs')).readFileSync(path.join(task.data.bundledDir, 'multiIF_20241018.csv'), 'utf8');
    await writeFile(path.join(dir, 'multiIF_20241018.csv'), text.replace('startend:quotation', 'startend:quotes'));
    await expect(task.load(dir)).rejects.toThrow(/multiIF_20241018\.csv:2: unknown instruction id "startend:quotes"/);
    await writeFile(path.join(dir, 'multiIF_20241018.csv'), text.replace('\\""num_sentences\\"": 3', '\\""num_sentences\\"": \\""3\\""'));
    await expect(task.load(dir)).rejects.toThrow(/multiIF_20241018\.csv:4: length_constraints:number_sentences: kwarg "num_sentences" must be int/);
  });
});

describe('multi-if: the conversation', () => {
  it('sends turn 1 alone, then the whole conversation with the earlier answers', () => {
    expect(task.buildRequest(byId('9001:1:en'), data)).toEqual({
      kind: 'generate',
      prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Describe a bundled lighthouse in at least 40 words. Do not use any commas.' }] },
      params: { maxTokens: 1024, temperature: 0, until: [] },
    });
    const third = multiTurn.nextTurn(byId('9001:1:en'), data, ['A1', 'A2']);
    expect(third?.kind === 'generate' && third.prompt.kind === 'chat' ? third.prompt.messages.map((m) => m.role) : []).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
  });
});

describe('multi-if: scoring', () => {
  it('scores turn 1 from a single completion; later turns stay empty', () => {
    const right = task.score(byId('9001:1:en'), generated(LONG_EN)).values;
    expect(right).toMatchObject({ t1_present: 1, t1_prompt_strict: 1, t1_inst_count: 2, t1_inst_strict: 2, t2_present: 0, t3_present: 0 });
    const wrong = task.score(byId('9001:1:en'), generated('A short, comma-laden answer.'));
    expect(wrong.values).toMatchObject({ t1_prompt_strict: 0, t1_inst_strict: 0, t1_inst_loose: 0 });
    expect(wrong.explanation).toMatch(/turn 1/);
  });

  it('checks each turn against its accumulated instructions', () => {
    const s = multiTurn.scoreConversation(byId('9001:1:en'), [generated(LONG_EN), generated(`${LONG_EN} Any other questions?`), generated(`${LONG_EN} Any other questions?`)]);
    // Turn 3 asks for quotation marks as well: 3 of its 4 instructions are followed.
    expect(s.values).toMatchObject({ t2_prompt_strict: 1, t2_inst_strict: 3, t3_prompt_strict: 0, t3_inst_count: 4, t3_inst_strict: 3 });
  });

  it('counts Chinese words by character and sentences by 。！？ (Multi-IF ifeval.py)', () => {
    expect(countWordsChineseJapanese('青岚是一座虚构的城市，有灯塔。hello world')).toBe(15);
    expect(countWordsChineseJapanese('（括号）《书名》[x]-y_z')).toBe(5);
    expect(countSentencesChineseJapanese('第一句。第二句！\n\n第三句\r\n第四. 第五')).toBe(5);
    expect(countSentencesHindi('यह एक नदी है। यह लंबी है! क्या यह सुंदर है?')).toBe(3);
    // 30 characters of Chinese are "at least 30 words" there; IFEval's \w+ count would see 1 word.
    const zh = '青岚是一座建在山谷中的虚构城市城里有一座古老的灯塔每晚都会亮起';
    expect(multiIfWordCount(zh)).toBe(31);
    expect(task.score(byId('9002:1:zh'), generated(zh)).values).toMatchObject({ t1_prompt_strict: 1 });
    // Too short; its full-width comma is not the "," that punctuation:no_comma looks for.
    expect(task.score(byId('9002:1:zh'), generated('青岚很美，有灯塔。')).values).toMatchObject({ t1_prompt_strict: 0, t1_inst_strict: 1 });
  });

  it('aggregates per turn as metrics.py does: micro instruction accuracy, overall = mean of four', () => {
    const result = (id: string, text: string): SampleResult => ({
      schema: 'ernie-eval/sample-result@1', task: 'multi-if', taskVersion: '1.0', sampleId: id, subset: byId(id).subset, requestKey: id, requestKind: 'generate', prompt: '', target: '',
      score: task.score(byId(id), generated(text)),
    });
    const metrics = aggregateTask(task, [result('9001:1:en', LONG_EN), result('9002:1:zh', '青岚很美，有灯塔。')]).metrics;
    expect(metrics['turn1_prompt_strict']?.value).toBe(0.5);
    // Micro average over instructions: (2 + 1) followed of (2 + 2).
    expect(metrics['turn1_inst_strict']?.value).toBe(3 / 4);
    expect(metrics['turn1_overall']?.value).toBeCloseTo((0.5 + 0.75 + 0.5 + 0.75) / 4);
    // Turns 2 and 3 were not run: no value rather than a fake 0.
    expect(metrics['turn2_overall']).toBeUndefined();
    expect(metrics['overall']).toBeUndefined();
  });
});
