// The run's thinking mode reaches every generate request and its key; log-likelihood requests and
// requests that fix their own mode are left alone.
import { describe, expect, it } from 'vitest';
import { loadTask, prepareTask, type PreparedTask } from '../../../src/task/index.ts';

async function prepared(id: string, thinking?: boolean): Promise<PreparedTask> {
  const task = await prepareTask(await loadTask(id), { limit: 2, ...(thinking === undefined ? {} : { thinking }) });
  if (task.status !== 'ready') throw new Error(`${id}: no bundled data`);
  return task;
}

describe('prepareTask thinking mode', () => {
  it('sets params.thinking on generate requests and changes their keys', async () => {
    const plain = await prepared('aime');
    const on = await prepared('aime', true);
    const off = await prepared('aime', false);
    for (const [task, mode] of [[plain, undefined], [on, true], [off, false]] as const) {
      for (const item of task.items) {
        if (item.request.kind !== 'generate') throw new Error('aime is a generation task');
        expect(item.request.params.thinking).toBe(mode);
      }
    }
    const keys = (t: PreparedTask) => t.items.map((i) => i.request.key);
    expect(new Set([...keys(plain), ...keys(on), ...keys(off)]).size).toBe(3 * plain.items.length);
  });

  it('leaves log-likelihood requests as they are', async () => {
    const plain = await prepared('mmlu');
    const on = await prepared('mmlu', true);
    expect(on.items.map((i) => i.request)).toEqual(plain.items.map((i) => i.request));
  });
});

describe('prepareTask --temperature and --max-tokens', () => {
  it('overrides the temperature and caps the budget of generate requests, changing their keys', async () => {
    const plain = await prepared('humaneval');
    const task = await prepareTask(await loadTask('humaneval'), { limit: 2, temperature: 0.8, maxTokens: 16 });
    if (task.status !== 'ready') throw new Error('no bundled data');
    task.items.forEach((item, i) => {
      const before = plain.items[i]?.request;
      if (item.request.kind !== 'generate' || before?.kind !== 'generate') throw new Error('humaneval generates');
      expect(before.params.temperature).toBe(0);
      expect(item.request.params.temperature).toBe(0.8);
      expect(item.request.params.maxTokens).toBe(Math.min(16, before.params.maxTokens));
      expect(item.request.key).not.toBe(before.key);
    });
  });
});
