// The API key is sent as a Bearer token and nowhere else: not in BackendInfo, outcomes, error
// messages, the run record or anything printed — even when a careless server quotes the
// Authorization header back in its error bodies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GenerateRequest, LoglikelihoodRequest } from '../../../../src/core/index.ts';
import { openOpenAiBackend } from '../../../../src/model/openai/index.ts';
import { runEvaluation, type Progress } from '../../../../src/runner/index.ts';
import { buildManifest, RecordWriter } from '../../../../src/store/index.ts';
import { loadTask, prepareTask, type PreparedTask } from '../../../../src/task/index.ts';
import { FAKE_MODEL, startFakeOpenAiServer, type FakeOpenAiServer } from '../../../support/fake-openai-server.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';

const KEY = 'sk-test-d0nt-l3ak-7f3a9c';
const servers: FakeOpenAiServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of servers.splice(0)) await s.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function everything(value: unknown): string {
  if (value instanceof Error) return `${value.message}\n${value.stack ?? ''}\n${JSON.stringify(value)}\n${everything(value.cause)}`;
  return JSON.stringify(value) ?? String(value);
}

describe('API key secrecy', () => {
  it('sends the key as a Bearer token and never lets it out', async () => {
    const printed: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
        printed.push(String(chunk));
        return write(chunk, ...(rest as []));
      });
    }
    // Every scoring request fails: 400 (not retried) or 500 (retried until given up), both quoting the header.
    const server = await startFakeOpenAiServer({
      apiKey: KEY,
      echoAuthorizationInErrors: true,
      faults: (r) => (r.path === '/models' || String(r.body.prompt ?? '').startsWith('The capital') ? undefined : r.seen % 2 === 0 ? { kind: 'http-400' } : { kind: 'http-500' }),
    });
    servers.push(server);
    const env = { ERNIE_TEST_KEY: KEY };
    const seen: unknown[] = [];

    const backend = await openOpenAiBackend({ baseUrl: server.url, model: FAKE_MODEL, env, apiKeyEnv: 'ERNIE_TEST_KEY', sleep: async () => {}, retry: { maxRetries: 2 } });
    seen.push(backend.info, backend.capabilities);
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);

    const generate: GenerateRequest = { kind: 'generate', key: 'g', prompt: { kind: 'chat', messages: [{ role: 'user', content: 'hi' }] }, params: { maxTokens: 8, temperature: 0, until: [] } };
    const loglik: LoglikelihoodRequest = { kind: 'loglikelihood', key: 'l', context: 'Answer:', continuations: [' A'] };
    const outcomes = await backend.answer([generate, loglik, { ...generate, key: 'g2', params: { ...generate.params, seed: 3 } }]);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    seen.push(outcomes);
    // The server did quote the key back; the client's messages must show it redacted.
    expect(everything(outcomes)).toContain('[redacted]');

    // A whole run: the record on disk carries neither the key nor anything derived from the header.
    const outDir = freshTempDir();
    const prepared = [(await prepareTask(await loadTask('gsm8k'), { limit: 2 })) as PreparedTask];
    const manifest = await buildManifest({ runSpec: { tasks: ['gsm8k'], model: `openai:${server.url}`, dtype: 'fp32', seed: 0, workers: 1, outDir }, model: backend.info, datasets: {}, tasks: {} });
    const writer = await RecordWriter.open(join(outDir, manifest.runId), manifest);
    const quiet: Progress = { start() {}, advance() {}, finish() {} };
    seen.push(await runEvaluation({ tasks: prepared, backend, writer, progress: quiet, maxErrors: 100 }));
    await writer.close();
    await backend.close();

    // Wrong key: the 401 (which quotes the header) is thrown at open.
    seen.push(await openOpenAiBackend({ baseUrl: server.url, model: FAKE_MODEL, env: { OPENAI_API_KEY: `${KEY}-wrong` }, sleep: async () => {} }).catch((e: unknown) => e));
    // A request that reaches no server at all.
    seen.push(await openOpenAiBackend({ baseUrl: 'http://127.0.0.1:9/v1', model: FAKE_MODEL, env: { OPENAI_API_KEY: KEY }, sleep: async () => {}, retry: { maxRetries: 1 } }).catch((e: unknown) => e));

    const haystack = [...seen.map(everything), ...filesUnder(outDir).map((f) => readFileSync(f, 'utf8')), ...printed].join('\n');
    expect(haystack).toContain('HTTP 400'); // the failures did happen and were recorded
    expect(haystack).not.toContain(KEY);
    expect(haystack).not.toContain(KEY.slice(3, 15)); // not even a fragment
  });
});
