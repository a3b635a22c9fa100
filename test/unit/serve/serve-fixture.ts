// A real `serve` on 127.0.0.1 (free port) over the tiny ERNIE model's worker pool, and plain-fetch
// helpers for the tests that drive it.
import { OnnxPool } from '../../../src/runner/index.ts';
import { startServer, type ServeHandle, type ServeOptions } from '../../../src/serve/index.ts';
import { tinyModelDir } from '../../support/tiny-models.ts';

export const MODEL_NAME = 'tiny-ernie';

export interface Served {
  server: ServeHandle;
  pool: OnnxPool;
  modelDir: string;
  stop(): Promise<void>;
}

export async function serveTinyModel(options: Partial<Omit<ServeOptions, 'backend'>> & { workers?: number; batchSize?: number } = {}): Promise<Served> {
  const modelDir = await tinyModelDir('ernie4_5');
  const pool = new OnnxPool(modelDir, { workers: options.workers ?? 1, maxBatchSize: options.batchSize ?? 8 });
  await pool.open();
  const { workers: _w, batchSize: _b, ...rest } = options;
  const server = await startServer({ backend: pool, modelName: MODEL_NAME, port: 0, debug: true, ...rest });
  return {
    server,
    pool,
    modelDir,
    async stop() {
      await server.close();
      await pool.close();
    },
  };
}

export function post(server: ServeHandle, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export async function postJson<T = Record<string, unknown>>(server: ServeHandle, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await post(server, path, body);
  return { status: res.status, body: (await res.json()) as T };
}

/** Read an SSE response into its `data:` payloads (parsed), checking the framing on the way. */
export async function readEvents(res: Response): Promise<{ events: Record<string, unknown>[]; done: boolean }> {
  const text = await res.text();
  const blocks = text.split('\n\n');
  if (blocks.at(-1) !== '') throw new Error(`stream does not end with a blank line: ${JSON.stringify(text.slice(-40))}`);
  const events: Record<string, unknown>[] = [];
  let done = false;
  for (const block of blocks.slice(0, -1)) {
    if (!block.startsWith('data: ')) throw new Error(`not an SSE data line: ${JSON.stringify(block)}`);
    const data = block.slice('data: '.length);
    if (done) throw new Error('data after [DONE]');
    if (data === '[DONE]') done = true;
    else events.push(JSON.parse(data) as Record<string, unknown>);
  }
  return { events, done };
}
