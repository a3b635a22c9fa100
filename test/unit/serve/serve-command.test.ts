// `ernie-eval serve` from its command line: prints where it listens, serves, and stops cleanly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveCommand, SERVE_HELP } from '../../../src/cli/serve-command.ts';
import { tinyModelDir } from '../../support/tiny-models.ts';

afterEach(() => vi.restoreAllMocks());

describe('ernie-eval serve', () => {
  it('prints its URL, serves the model under the given name, and exits 0 when stopped', async () => {
    const dir = await tinyModelDir('ernie4_5');
    let announce: (line: string) => void = () => undefined;
    const announced = new Promise<string>((resolve) => (announce = resolve));
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => announce(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stop = new AbortController();
    const exited = serveCommand(['--model', `onnx:${dir}`, '--port', '0', '--workers', '1', '--model-name', 'my-ernie'], stop.signal);
    const line = await Promise.race([announced, exited.then((code) => `exited with ${code}`)]);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(line)?.[1];
    if (url === undefined) throw new Error(`no URL announced: ${line}`);
    const models = (await (await fetch(`${url}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(['my-ernie']);
    const chat = await fetch(`${url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'my-ernie', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 3 }) });
    expect(chat.status).toBe(200);
    stop.abort();
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/models`)).rejects.toThrow();
  });

  it('refuses what it cannot serve with a usage error', async () => {
    await expect(serveCommand([])).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('--model') });
    await expect(serveCommand(['--model', 'replay:/tmp/x.jsonl'])).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('onnx:DIR') });
    await expect(serveCommand(['--model', 'x', '--port', '70000'])).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('has help that names every route', () => {
    for (const route of ['/v1/chat/completions', '/v1/completions', '/v1/models', '/health']) expect(SERVE_HELP).toContain(route);
  });
});
