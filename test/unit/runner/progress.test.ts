import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/runner/index.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, columns: 120, write: (chunk: string) => (written.push(chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progress bar', () => {
  it('draws samples/s, tokens/s and ETA on a terminal, and ends with a newline', () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(stream);
    progress.start(10);
    progress.advance(5, 500);
    progress.finish();
    const last = written.at(-2) ?? '';
    expect(last).toMatch(/^\r\[#{12}\.{12}\] 5\/10 \| [\d.]+ samples\/s \| \d+ tok\/s \| ETA /);
    expect(written.at(-1)).toBe('\n');
  });

  it('writes nothing when stderr is not a terminal (CI logs, pipes)', () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress(stream);
    progress.start(10);
    progress.advance(10, 1000);
    progress.finish();
    expect(written).toEqual([]);
  });
});
