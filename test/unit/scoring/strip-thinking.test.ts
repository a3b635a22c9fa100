import { describe, expect, it } from 'vitest';
import { stripThinking } from '../../../src/scoring/index.ts';

describe('stripThinking', () => {
  it('leaves text without thinking unchanged', () => {
    expect(stripThinking('  The answer is 5.\n')).toBe('  The answer is 5.\n');
  });

  it('removes a complete block and the whitespace after it', () => {
    expect(stripThinking('<think>3 + 4 = 7, no, 8</think>\n\nThe answer is 8.')).toBe('The answer is 8.');
  });

  it('removes several blocks', () => {
    expect(stripThinking('<think>a 1</think>x <think>b 2</think>y')).toBe('x y');
  });

  it('drops everything before a stray </think> (block opened by the chat template)', () => {
    expect(stripThinking('so 12 apples</think>\nThe answer is 13.')).toBe('The answer is 13.');
  });

  it('leaves nothing of an unterminated block (generation cut off while thinking)', () => {
    expect(stripThinking('<think>first 12, then 40 and')).toBe('');
    expect(stripThinking('Answer: 3 <think>hmm 4')).toBe('Answer: 3 ');
  });
});
