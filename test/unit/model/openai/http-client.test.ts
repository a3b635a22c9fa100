// Retries happen in one place (the HTTP client): which failures are retried, how long it waits
// (through an injected sleep, never wall time), and that the final answer equals the fault-free one.
import { afterEach, describe, expect, it } from 'vitest';
import { HttpCallError, HttpClient, parseRetryAfter } from '../../../../src/model/openai/index.ts';
import { startFakeOpenAiServer, type Fault, type FakeOpenAiServer, type FaultKind } from '../../../support/fake-openai-server.ts';

const servers: FakeOpenAiServer[] = [];
const clients: HttpClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
});

/** A server whose first `times` receipts of each request get `fault`. */
async function faulty(fault: Fault, times = 1): Promise<FakeOpenAiServer> {
  const server = await startFakeOpenAiServer({ faults: (r) => (r.path !== '/models' && r.seen < times ? fault : undefined) });
  servers.push(server);
  return server;
}

function client(server: FakeOpenAiServer, options: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  const sleeps: number[] = [];
  const c = new HttpClient({ baseUrl: server.url, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...options });
  clients.push(c);
  return { c, sleeps };
}

const body = { model: 'fake-ernie', prompt: 'Hello there', echo: true, logprobs: 1, max_tokens: 0 };

async function faultFree(): Promise<unknown> {
  const server = await startFakeOpenAiServer();
  servers.push(server);
  return (await client(server).c.postJson('/completions', body)).value;
}

describe('http client retries', () => {
  const retried: FaultKind[] = ['http-429', 'http-500', 'http-503', 'drop', 'cut'];
  for (const kind of retried) {
    it(`retries ${kind} and returns the fault-free answer`, async () => {
      const server = await faulty({ kind }, 2);
      const { c, sleeps } = client(server);
      const result = await c.postJson('/completions', body);
      expect(result.value).toEqual(await faultFree());
      expect(result.retries).toBe(2);
      expect(sleeps).toHaveLength(2);
      const attempts = server.requests.filter((r) => r.path === '/completions');
      expect(attempts.map((r) => r.fault)).toEqual([kind, kind, undefined]);
      expect(attempts.filter((r) => r.answered)).toHaveLength(1); // nothing sent again after success
    });
  }

  it('retries a stream cut in the middle', async () => {
    const server = await faulty({ kind: 'cut' });
    const { c } = client(server);
    const { parseSse } = await import('../../../../src/model/openai/index.ts');
    const read = async (response: { body: AsyncIterable<Buffer> }) => {
      const events: string[] = [];
      for await (const e of parseSse(response.body)) events.push(e.data);
      if (events.at(-1) !== '[DONE]') throw new (await import('../../../../src/model/openai/http-client.ts')).TruncatedBodyError('cut');
      return events;
    };
    const result = await c.call('POST', '/completions', { model: 'fake-ernie', prompt: 'x', stream: true, max_tokens: 4 }, read);
    expect(result.retries).toBe(1);
    expect(result.value.at(-1)).toBe('[DONE]');
  });

  it('times out a hung response and retries it', async () => {
    const server = await faulty({ kind: 'hang' });
    const { c } = client(server, { timeoutMs: 300 });
    const result = await c.postJson('/completions', body);
    expect(result.retries).toBe(1);
    expect(server.requests.filter((r) => r.path === '/completions').map((r) => r.fault)).toEqual(['hang', undefined]);
  });

  it('honours Retry-After in seconds', async () => {
    const server = await faulty({ kind: 'http-429', retryAfter: '7' });
    const { c, sleeps } = client(server);
    await c.postJson('/completions', body);
    expect(sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP date, against the injected clock', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const server = await faulty({ kind: 'http-503', retryAfter: new Date(now + 12_000).toUTCString() });
    const { c, sleeps } = client(server, { now: () => now });
    await c.postJson('/completions', body);
    expect(sleeps).toEqual([12_000]);
  });

  it('backs off exponentially with jitter when there is no Retry-After', async () => {
    const server = await faulty({ kind: 'http-500' }, 4);
    const { c, sleeps } = client(server, { random: () => 1, retry: { baseDelayMs: 100, maxDelayMs: 500 } });
    await c.postJson('/completions', body);
    expect(sleeps).toEqual([100, 200, 400, 500]); // full jitter at its ceiling: doubling, capped
    const low = client(server, { random: () => 0.25, retry: { baseDelayMs: 100, maxDelayMs: 500 } });
    expect(low.c.delayFor(3, undefined)).toBe(125); // a quarter of min(500, 100·2³)
  });

  for (const kind of ['http-400', 'http-401', 'http-404'] as const) {
    it(`does not retry ${kind}`, async () => {
      const server = await faulty({ kind }, 5);
      const { c, sleeps } = client(server);
      const error = await c.postJson('/completions', body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpCallError);
      expect(error).toMatchObject({ code: 'BACKEND', retryable: false, retries: 0, status: Number(kind.slice(5)) });
      expect(sleeps).toEqual([]);
      expect(server.requests.filter((r) => r.path === '/completions')).toHaveLength(1);
    });
  }

  it('gives up after maxRetries with the count and the last status', async () => {
    const server = await faulty({ kind: 'http-503' }, 100);
    const { c } = client(server, { retry: { maxRetries: 3 } });
    const error = await c.postJson('/completions', body).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BACKEND', retryable: true, retries: 3, status: 503 });
    expect((error as Error).message).toMatch(/HTTP 503: injected unavailable \(after 3 retries\)/u);
    expect(server.requests.filter((r) => r.path === '/completions')).toHaveLength(4);
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    const server = await faulty({ kind: 'hang' }, 100);
    const { c } = client(server);
    const abort = new AbortController();
    const pending = c.postJson('/completions', body, abort.signal).catch((e: unknown) => e);
    setTimeout(() => abort.abort(), 50);
    expect(await pending).toMatchObject({ code: 'ABORTED' });
  });

  it('spaces request starts by the request rate', async () => {
    const server = await startFakeOpenAiServer();
    servers.push(server);
    let clock = 1_000;
    const { c, sleeps } = client(server, { requestRate: 4, now: () => clock });
    await Promise.all([c.postJson('/completions', body), c.postJson('/completions', body), c.postJson('/completions', body)]);
    expect(sleeps).toEqual([250, 500]); // 4/s: the 2nd starts 250 ms after the 1st, the 3rd 500 ms
  });
});

describe('Retry-After parsing', () => {
  it('reads delay-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
