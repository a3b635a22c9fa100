// Closing the server stops new connections but lets a request in flight finish its stream.
import { describe, expect, it } from 'vitest';
import { post, readEvents, serveTinyModel } from './serve-fixture.ts';

describe('serve shutdown', () => {
  it('finishes the stream in flight, then refuses connections', async () => {
    const served = await serveTinyModel();
    try {
      const res = await post(served.server, '/chat/completions', { messages: [{ role: 'user', content: 'Tell me a story' }], max_tokens: 48, temperature: 0, stream: true });
      expect(res.status).toBe(200); // headers are out: the request is in flight
      const closed = served.server.close();
      const { events, done } = await readEvents(res);
      await closed;
      expect(done).toBe(true);
      const last = events.at(-1) as { choices: { finish_reason: string | null }[] };
      expect(last.choices[0]?.finish_reason).not.toBeNull();
      await expect(fetch(`${served.server.url}/models`)).rejects.toThrow();
    } finally {
      await served.stop();
    }
  });
});

describe('serve shutdown with a request held open', () => {
  it('waits for that request before closing, and answers it completely', async () => {
    const { startServer } = await import('../../../src/serve/index.ts');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await startServer({
      modelName: 'held',
      port: 0,
      backend: {
        concurrency: 1,
        maxBatchSize: 1,
        async answerStreaming(_batch, onToken) {
          onToken({ index: 0, text: 'Hel', generated: 1, at: Date.now() });
          await held;
          return [{ ok: true, completion: { kind: 'generate', text: 'Hello', finishReason: 'stop', timing: { startedAt: 0, queuedMs: 0, ttftMs: 0, totalMs: 0, batchSize: 1 }, tokens: { prompt: 2, generated: 2 } } }];
        },
      },
    });
    const res = await post(server, '/chat/completions', { messages: [{ role: 'user', content: 'Hi' }], stream: true });
    expect(res.status).toBe(200);
    let closedYet = false;
    const closed = server.close().then(() => (closedYet = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closedYet).toBe(false); // still waiting for the held request
    release();
    const { events, done } = await readEvents(res);
    await closed;
    expect(done).toBe(true);
    const text = events.map((e) => (e['choices'] as { delta: { content?: string } }[])[0]?.delta.content ?? '').join('');
    expect(text).toBe('Hello');
  });
});
