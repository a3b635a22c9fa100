import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import { IFEVAL_CHECKERS as CHECKERS, detectLanguage, followedInstructions as followed } from '../../src/scoring/index.ts';
import ifeval from '../../tasks/ifeval/task.ts';
import { instructionsOf } from '../../tasks/ifeval/scoring.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

const dir = path.join(datasetsDir, 'ifeval');
const jsonl = (f: string): Record<string, unknown>[] =>
  readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

/** Per-prompt agreement of our checkers with the official checker's recorded results. */
async function reproduce(mode: 'strict' | 'loose'): Promise<{ agree: number; total: number; disagree: string[] }> {
  const data = await ifeval.load(dir);
  const byPrompt = new Map(data.samples.map((s) => [s.input, s]));
  const responses = new Map(jsonl('input_response_data_gpt4_20231107_145030.jsonl').map((r) => [r['prompt'] as string, r['response'] as string]));
  const ref = jsonl(`third_party_eval_of_gpt4/eval_results_${mode}.jsonl`);
  const disagree: string[] = [];
  let agree = 0;
  for (const r of ref) {
    const s = byPrompt.get(r['prompt'] as string);
    const response = responses.get(r['prompt'] as string);
    if (s === undefined || response === undefined) throw new Error(`no prompt/response for ${String(r['prompt']).slice(0, 40)}`);
    const got = followed(response, instructionsOf(s), mode === 'loose');
    if (JSON.stringify(got) === JSON.stringify(r['follow_instruction_list'])) agree++;
    else disagree.push(s.id);
  }
  return { agree, total: ref.length, disagree: disagree.sort() };
}

describe.skipIf(!hasDataset('ifeval'))(`ifeval on the real files (${SKIP_REASON})`, () => {
  it('reads all 541 prompts', async () => {
    const data = await ifeval.load(dir);
    expect(data.samples).toHaveLength(541);
    expect(data.samples.reduce((n, s) => n + instructionsOf(s).length, 0)).toBe(834);
  });

  it('the known data mismatch: key 2785 has no GPT-4 response with the same prompt text', async () => {
    const data = await ifeval.load(dir);
    const responses = new Set(jsonl('input_response_data_gpt4_20231107_145030.jsonl').map((r) => r['prompt'] as string));
    expect(data.samples.filter((s) => !responses.has(s.input)).map((s) => s.id)).toEqual(['2785']);
  });

  // Measured: strict 532/540 prompts agree, loose 533/540 (the third-party run drops key 2785).
  // Disagreements, all in checkers we can only approximate or that are not deterministic:
  //  - 1122, 1129 keywords:letter_frequency with letter "#" / "!": the reference results disagree
  //    with counting the requested character; why is not established (a checker version handling
  //    non a-z letters differently would explain it). We count the requested character.
  //  - 202, 1843, 2341, 2571, 3456 change_case:english_{lowercase,capital}: langdetect does not
  //    say "en" for one-word or name-list answers ("etchings", "YES", "A"); our detector does.
  //  - 3534 (strict, loose), 1174 (loose) length_constraints:number_sentences: punkt sentence
  //    splitting approximated (README).
  it('reproduces the official strict results prompt by prompt', async () => {
    const { agree, total, disagree } = await reproduce('strict');
    expect(total).toBe(540);
    expect(agree).toBeGreaterThanOrEqual(530);
    expect(disagree).toEqual(['1122', '1129', '1843', '202', '2341', '2571', '3456', '3534']);
  });

  it('reproduces the official loose results prompt by prompt', async () => {
    const { agree, total, disagree } = await reproduce('loose');
    expect(disagree).toEqual(['1174', '1843', '202', '2341', '2571', '3456', '3534']);
    expect(total).toBe(540);
    expect(agree).toBeGreaterThanOrEqual(531);
  });
});

const check = (id: string, response: string, kwargs: Record<string, unknown> = {}): boolean => (CHECKERS[id] as { check: (r: string, k: Record<string, unknown>) => boolean }).check(response, kwargs);

describe('ifeval checkers: tricky cases', () => {
  it('placeholders are [..] on one line, shortest match', () => {
    expect(check('detectable_content:number_placeholders', 'Dear [name], at [address]', { num_placeholders: 2 })).toBe(true);
    expect(check('detectable_content:number_placeholders', '[a\nb] [c]', { num_placeholders: 2 })).toBe(false);
  });
  it('sections count "SECTION n" markers, case-sensitive', () => {
    const kw = { section_spliter: 'SECTION', num_sections: 2 };
    expect(check('detectable_format:multiple_sections', 'SECTION 1\nx\nSECTION 2\ny', kw)).toBe(true);
    expect(check('detectable_format:multiple_sections', 'Section 1\nx\nSection 2\ny', kw)).toBe(false);
  });
  it('JSON format accepts ```json fences, rejects prose around JSON', () => {
    expect(check('detectable_format:json_format', '```json\n{"a": 1}\n```')).toBe(true);
    expect(check('detectable_format:json_format', 'Here: {"a": 1}')).toBe(false);
  });
  it('postscript: "P.S." matches "p. s." on any line, case-insensitive', () => {
    expect(check('detectable_content:postscript', 'Hi.\n\np. s. bye', { postscript_marker: 'P.S.' })).toBe(true);
    expect(check('detectable_content:postscript', 'Hi. PS bye', { postscript_marker: 'P.S.' })).toBe(false);
    expect(check('detectable_content:postscript', 'x\nP.P.S y', { postscript_marker: 'P.P.S' })).toBe(true);
  });
  it('capital word frequency counts upper-case tokens (hyphenated words are one)', () => {
    const kw = (n: number, relation: string) => ({ capital_frequency: n, capital_relation: relation });
    expect(check('change_case:capital_word_frequency', 'The NASA-ESA team and the UN met. OK?', kw(3, 'at least'))).toBe(true);
    expect(check('change_case:capital_word_frequency', 'The NASA-ESA team and the UN met. OK?', kw(3, 'less than'))).toBe(false);
  });
  it('keyword frequency is a case-insensitive substring count', () => {
    expect(check('keywords:frequency', 'Cats, cat, concatenate', { keyword: 'cat', frequency: 3, relation: 'at least' })).toBe(true);
    expect(check('keywords:forbidden_words', 'concatenate', { forbidden_words: ['cat'] })).toBe(true);
    expect(check('keywords:forbidden_words', 'A Cat.', { forbidden_words: ['cat'] })).toBe(false);
  });
  it('letter frequency counts the lowercased letter', () => {
    expect(check('keywords:letter_frequency', 'Anna and Ann', { letter: 'a', let_frequency: 4, let_relation: 'at least' })).toBe(true);
    expect(check('keywords:letter_frequency', 'Anna and Ann', { letter: 'n', let_frequency: 5, let_relation: 'less than' })).toBe(false);
  });
  it('response language: script decides, stopwords within a script', () => {
    expect(detectLanguage('Die Katze ist nicht auf dem Tisch und schläft.')).toBe('de');
    expect(detectLanguage('Это не то, что мы хотели бы видеть.')).toBe('ru');
    expect(detectLanguage('मला हे आवडते आणि ते चांगले आहे.')).toBe('mr');
    expect(detectLanguage('यह एक अच्छी किताब है और मैं इसे पढ़ता हूं।')).toBe('hi');
    expect(detectLanguage('12345 !!!')).toBeNull();
    expect(check('language:response_language', '안녕하세요 반갑습니다', { language: 'ko' })).toBe(true);
  });
  it('paragraphs with ***: blank piece allowed only at the ends', () => {
    const kw = { num_paragraphs: 2 };
    expect(check('length_constraints:number_paragraphs', 'One.\n***\nTwo.', kw)).toBe(true);
    expect(check('length_constraints:number_paragraphs', '***\nOne.\n***\nTwo.\n***', kw)).toBe(true);
    expect(check('length_constraints:number_paragraphs', 'One.\n***\n***\nTwo.', kw)).toBe(false);
  });
  it('loose scoring passes when only the first line breaks the rule', () => {
    const s = ifeval.score(
      { id: 'x', input: 'p', target: '', metadata: { instructions: '["startend:quotation"]', kwargs: '[{}]' } },
      { kind: 'generate', text: 'Sure:\n"quoted"', finishReason: 'stop', timing: { startedAt: 0, queuedMs: 0, ttftMs: 0, totalMs: 0, batchSize: 1 }, tokens: { prompt: 0, generated: 0 } },
    );
    expect(s.values).toMatchObject({ prompt_level_strict_acc: 0, prompt_level_loose_acc: 1, inst_count: 1, inst_strict_followed: 0, inst_loose_followed: 1 });
  });
});

describe('ifeval bundled fixtures', () => {
  it('loads and builds the chat request', async () => {
    const data = await ifeval.load(ifeval.data.bundledDir);
    expect(data.samples.map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(ifeval.buildRequest(data.samples[0] as Sample, data)).toEqual({
      kind: 'generate',
      prompt: { kind: 'chat', messages: [{ role: 'user', content: data.samples[0]?.input }] },
      params: { maxTokens: 2048, temperature: 0, until: [] },
    });
  });
  it('rejects an unknown instruction id with its line', async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'ifeval-'));
    await writeFile(path.join(d, 'input_data.jsonl'), '{"key": 1, "prompt": "p", "instruction_id_list": ["x:y"], "kwargs": [{}]}\n');
    await expect(ifeval.load(d)).rejects.toThrow(DataError);
    await expect(ifeval.load(d)).rejects.toThrow(/unknown instruction id "x:y"/);
  });
});
