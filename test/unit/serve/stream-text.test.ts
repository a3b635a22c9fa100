// Streamed deltas must add up to the final text: nothing sent is ever taken back.
import { describe, expect, it } from 'vitest';
import { StreamedText } from '../../../src/serve/stream-text.ts';

function replay(steps: string[], stops: string[], final: string): { deltas: string[]; rest: string } {
  const streamed = new StreamedText(stops);
  const deltas = steps.map((s) => streamed.update(s));
  const rest = streamed.finish(final);
  expect(rest.consistent).toBe(true);
  return { deltas, rest: rest.delta };
}

describe('StreamedText', () => {
  it('holds back a character still being spelled out in bytes', () => {
    const { deltas, rest } = replay(['a', 'a\uFFFD', 'a€', 'a€b'], [], 'a€b');
    expect(deltas).toEqual(['a', '', '€', 'b']);
    expect(rest).toBe('');
  });

  it('holds back the start of a stop string until it is known not to complete', () => {
    // Stop "\n\n": "x\n" might become the stop, so "\n" waits; "x\ny" shows it did not.
    const { deltas } = replay(['x', 'x\n', 'x\ny'], ['\n\n'], 'x\ny');
    expect(deltas).toEqual(['x', '', '\ny']);
  });

  it('never sends what a completed stop string cuts away', () => {
    // Generation cuts at the stop: the final text is "x" although "x\n" was seen.
    const { deltas, rest } = replay(['x', 'x\n'], ['\n\n'], 'x');
    expect(deltas.join('') + rest).toBe('x');
  });

  it('says so when a decode is not prefix-stable instead of sending a wrong text', () => {
    const streamed = new StreamedText([]);
    expect(streamed.update('abc')).toBe('abc');
    expect(streamed.finish('abd')).toEqual({ delta: '', consistent: false });
  });
});
