// makeBatches honours the backend's preferred order: shared-prefix groups requests that a server's
// prefix cache can serve together (same subject's shots, same few-shot header, same image);
// longest-first stays the default.
import { describe, expect, it } from 'vitest';
import type { Backend, TaskRequest } from '../../../src/core/index.ts';
import { makeBatches } from '../../../src/runner/index.ts';
import { loadTask, prepareTask, type PreparedTask } from '../../../src/task/index.ts';

function backend(preferredOrder: Backend['preferredOrder'], maxBatchSize = 1): Backend {
  return {
    info: { kind: 'openai', location: 'test', modelName: 'test', fingerprint: 'x' },
    capabilities: { loglikelihood: true, generate: true, chat: true, images: true, thinking: true },
    maxBatchSize,
    concurrency: 4,
    ...(preferredOrder === undefined ? {} : { preferredOrder }),
    answer: async () => [],
    close: async () => {},
  };
}

/** A task whose items are the given requests, shuffled so that order is not inherited. */
function taskOf(requests: TaskRequest[]): PreparedTask {
  const items = requests.map((request, i) => ({ sample: { id: String(i), input: '', target: '' }, request, promptText: request.kind === 'loglikelihood' ? request.context : 'p' }));
  return { spec: { id: 't' }, items } as unknown as PreparedTask;
}

const chatWithImage = (image: string, question: string): TaskRequest => ({
  kind: 'generate',
  key: `${image}-${question}`,
  prompt: { kind: 'chat', messages: [{ role: 'user', content: [{ type: 'image', source: { kind: 'path', path: image } }, { type: 'text', text: question }] }] },
  params: { maxTokens: 8, temperature: 0, until: [] },
});

describe('shared-prefix order', () => {
  it('puts MMLU questions of one subject next to each other', async () => {
    const mmlu = (await prepareTask(await loadTask('mmlu'), { limit: 6 })) as PreparedTask; // --limit spreads round-robin over subjects
    const subjects = makeBatches([mmlu], backend('shared-prefix')).map((b) => b.items[0]?.item.sample.subset);
    expect(new Set(subjects).size).toBeGreaterThan(1);
    // Each subject forms one contiguous run.
    const runs = subjects.filter((s, i) => i === 0 || s !== subjects[i - 1]);
    expect(runs).toHaveLength(new Set(subjects).size);
    // Interleaved in the data: the grouping is the schedule's work, not the file's.
    const inData = mmlu.items.map((i) => i.sample.subset);
    expect(inData.filter((s, i) => i === 0 || s !== inData[i - 1]).length).toBeGreaterThan(runs.length);
  });

  it('groups chat requests that share an image, whatever the question', () => {
    const requests = [chatWithImage('/img/b.png', 'Q1'), chatWithImage('/img/a.png', 'Q2'), chatWithImage('/img/b.png', 'Q3'), chatWithImage('/img/a.png', 'Q4')];
    const order = makeBatches([taskOf(requests)], backend('shared-prefix')).map((b) => b.items[0]?.item.request.key);
    expect(order).toEqual(['/img/a.png-Q2', '/img/a.png-Q4', '/img/b.png-Q1', '/img/b.png-Q3']);
  });

  it('keeps longest-first when the backend asks for nothing', () => {
    const requests: TaskRequest[] = ['a', 'ccc', 'bb'].map((context) => ({ kind: 'loglikelihood', key: context, context, continuations: [' x'] }));
    const order = makeBatches([taskOf(requests)], backend(undefined)).map((b) => b.items[0]?.item.request.key);
    expect(order).toEqual(['ccc', 'bb', 'a']);
    const prefixOrder = makeBatches([taskOf(requests)], backend('shared-prefix')).map((b) => b.items[0]?.item.request.key);
    expect(prefixOrder).toEqual(['a', 'bb', 'ccc']);
  });
});
