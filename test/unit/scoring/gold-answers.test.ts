import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/core/index.ts';
import { goldAnswerList } from '../../../src/scoring/index.ts';

const sample = (metadata?: Sample['metadata']): Sample => ({ id: '1', input: 'q', target: 'first', ...(metadata ? { metadata } : {}) });

describe('goldAnswerList', () => {
  it("reads the loader's JSON list of answers from metadata", () => {
    expect(goldAnswerList(sample({ answers: '["$1,250.00","1,250.00"]' }))).toEqual(['$1,250.00', '1,250.00']);
    expect(goldAnswerList(sample({ golds: '["a"]' }), 'golds')).toEqual(['a']);
  });

  it('falls back to the target when the list is absent, empty, not strings or not JSON', () => {
    for (const metadata of [undefined, { answers: '[]' }, { answers: '[1]' }, { answers: '["a",' }, { answers: 3 }]) {
      expect(goldAnswerList(sample(metadata)), JSON.stringify(metadata)).toEqual(['first']);
    }
  });
});
