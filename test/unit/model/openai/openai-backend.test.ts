import { createHash } from 'node:crypto';
import sharp from 'sharp';
// The HTTP backend against the fake OpenAI-compatible server on loopback: what it sends, what it
// makes of the answers, and what it refuses up front.
import { afterEach, describe, expect, it } from 'vitest';
import type { Completion, GenerateRequest, LoglikelihoodRequest, Outcome } from '../../../../src/core/index.ts';
import { openOpenAiBackend, type OpenAiBackend } from '../../../../src/model/openai/index.ts';
import { FAKE_MODEL, fakeGeneration, fakeTokenLogprobs, startFakeOpenAiServer, type FakeOpenAiServer, type FakeServerOptions } from '../../../support/fake-openai-server.ts';

const open: { server?: FakeOpenAiServer; backend?: OpenAiBackend }[] = [];

async function setup(options: FakeServerOptions = {}, backendOptions: Partial<Parameters<typeof openOpenAiBackend>[0]> = {}) {
  const server = await startFakeOpenAiServer(options);
  const entry: { server?: FakeOpenAiServer; backend?: OpenAiBackend } = { server };
  open.push(entry);
  const backend = await openOpenAiBackend({ baseUrl: server.url, model: FAKE_MODEL, env: {}, sleep: async () => {}, ...backendOptions });
  entry.backend = backend;
  return { server, backend };
}

afterEach(async () => {
  for (const { server, backend } of open.splice(0)) {
    await backend?.close();
    await server?.close();
  }
});

function completionOf(outcome: Outcome | undefined): Completion {
  if (outcome === undefined || !outcome.ok) throw new Error(`expected an answer, got ${JSON.stringify(outcome)}`);
  return outcome.completion;
}

const textRequest = (text: string, params: Partial<GenerateRequest['params']> = {}): GenerateRequest => ({
  kind: 'generate',
  key: `k-${text}`,
  prompt: { kind: 'text', text },
  params: { maxTokens: 64, temperature: 0, until: ['Q:'], ...params },
});

const chatRequest = (text: string, params: Partial<GenerateRequest['params']> = {}): GenerateRequest => ({
  kind: 'generate',
  key: `c-${text}`,
  prompt: { kind: 'chat', messages: [{ role: 'user', content: text }] },
  params: { maxTokens: 64, temperature: 0, until: [], ...params },
});

/** What the fake answers for a prompt, cut before the first stop string. */
function expectedText(promptKey: string, body: Record<string, unknown>, until: string[]): string {
  const full = fakeGeneration(promptKey, body).content.join('');
  const cuts = until.map((s) => full.indexOf(s)).filter((i) => i >= 0);
  return cuts.length === 0 ? full : full.slice(0, Math.min(...cuts));
}

describe('openai backend: generation', () => {
  it('sends text prompts to /completions with stop, and cuts at the stop string', async () => {
    const { server, backend } = await setup();
    const [outcome] = await backend.answer([textRequest('Q: 2+2?\nA:')]);
    const completion = completionOf(outcome);
    const sent = server.requests.find((r) => r.path === '/completions' && r.body.stream === true);
    expect(sent?.body).toMatchObject({ model: FAKE_MODEL, prompt: 'Q: 2+2?\nA:', max_tokens: 64, temperature: 0, stop: ['Q:'], stream_options: { include_usage: true } });
    expect(completion).toMatchObject({ kind: 'generate', text: expectedText('Q: 2+2?\nA:', { temperature: 0 }, ['Q:']), finishReason: 'stop' });
    expect(JSON.stringify(completion)).not.toContain('Q:');
  });

  it('sends chat prompts to /chat/completions and passes temperature, top_p and seed through', async () => {
    const { server, backend } = await setup();
    const [a, b] = await backend.answer([chatRequest('hello', { temperature: 0.7, topP: 0.9, seed: 11 }), chatRequest('hello', { temperature: 0.7, topP: 0.9, seed: 12 })]);
    const sent = server.requests.filter((r) => r.path === '/chat/completions');
    expect(sent.map((r) => r.body.seed).sort()).toEqual([11, 12]);
    expect(sent[0]?.body).toMatchObject({ messages: [{ role: 'user', content: 'hello' }], temperature: 0.7, top_p: 0.9 });
    expect(sent[0]?.body).not.toHaveProperty('stop'); // no stop strings: none sent
    const textA = completionOf(a).kind === 'generate' ? (completionOf(a) as { text: string }).text : '';
    expect(textA).toBe(expectedText('user: hello', { temperature: 0.7, seed: 11 }, []));
  });

  it('passes thinking through chat_template_kwargs and keeps reasoning apart from the answer', async () => {
    const { server, backend } = await setup();
    const [on, off, unset] = await backend.answer([chatRequest('think', { thinking: true }), chatRequest('think', { thinking: false }), chatRequest('think')]);
    const bodies = server.requests.filter((r) => r.path === '/chat/completions').map((r) => r.body.chat_template_kwargs);
    expect(bodies).toContainEqual({ enable_thinking: true });
    expect(bodies).toContainEqual({ enable_thinking: false });
    expect(bodies).toContain(undefined);
    const thought = completionOf(on);
    const generation = fakeGeneration('user: think', { temperature: 0, chat_template_kwargs: { enable_thinking: true } });
    expect(thought).toMatchObject({ reasoning: generation.reasoning.join(''), text: generation.content.join('') });
    expect(completionOf(off)).not.toHaveProperty('reasoning');
    expect(completionOf(unset)).not.toHaveProperty('reasoning');
  });

  it('reports max-token cuts as length and takes token counts from usage', async () => {
    const { backend } = await setup();
    const completion = completionOf((await backend.answer([textRequest('short', { maxTokens: 3, until: [] })]))[0]);
    expect(completion).toMatchObject({ finishReason: 'length', tokens: { generated: 3, prompt: 1 } });
  });

  it('reports EOS when vLLM-style stop_reason is null, and times the stream as vLLM does', async () => {
    const { backend } = await setup();
    const completion = completionOf((await backend.answer([textRequest('no stops', { until: [] })]))[0]);
    expect(completion).toMatchObject({ kind: 'generate', finishReason: 'eos' });
    const { timing, tokens } = completion;
    expect(timing.itlMs).toHaveLength(tokens.generated - 1); // one gap between each pair of streamed chunks
    expect(timing.ttftMs).toBeGreaterThanOrEqual(0);
    expect(timing.totalMs).toBeGreaterThanOrEqual(timing.ttftMs);
    expect(timing.batchSize).toBe(1);
  });

  it('reads streams to their end, so one keep-alive connection serves request after request', async () => {
    const { server, backend } = await setup();
    for (const text of ['a', 'b', 'c']) completionOf((await backend.answer([textRequest(text)]))[0]);
    const ports = new Set(server.requests.filter((r) => r.body.stream === true).map((r) => r.clientPort));
    expect(ports.size).toBe(1);
  });

  it('counts streamed chunks when the server sends no usage', async () => {
    const { backend } = await setup({ omitUsage: true });
    const completion = completionOf((await backend.answer([textRequest('x', { until: [] })]))[0]);
    expect(completion.tokens).toEqual({ prompt: 0, generated: fakeGeneration('x', { temperature: 0 }).content.length });
    expect(String(backend.info.details?.tokenCounts)).toContain('chunks');
  });

  it('inlines image parts as data URLs and records the hash of the bytes sent', async () => {
    const { server, backend } = await setup();
    const png = new Uint8Array(await sharp({ create: { width: 3, height: 2, channels: 3, background: '#ff0000' } }).png().toBuffer());
    const request = (bytes: Uint8Array, key: string): GenerateRequest => ({
      kind: 'generate',
      key,
      prompt: { kind: 'chat', messages: [{ role: 'user', content: [{ type: 'image', source: { kind: 'bytes', bytes } }, { type: 'text', text: 'What is this?' }] }] },
      params: { maxTokens: 8, temperature: 0, until: [] },
    });
    const completion = completionOf((await backend.answer([request(png, 'img')]))[0]);
    const sent = server.requests.find((r) => r.path === '/chat/completions');
    expect(sent?.body.messages).toEqual([{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${Buffer.from(png).toString('base64')}` } }, { type: 'text', text: 'What is this?' }] }]);
    expect(completion.images).toEqual([{ sha256: createHash('sha256').update(png).digest('hex'), of: 'bytes', width: 3, height: 2 }]);
    // A broken image fails its sample before anything is sent.
    const before = server.requests.length;
    const [broken] = await backend.answer([request(png.subarray(0, 12), 'broken')]);
    expect(broken).toMatchObject({ ok: false, error: { code: 'IMAGE' } });
    expect(server.requests.length).toBe(before);
  });
});

describe('openai backend: log-likelihood', () => {
  const request: LoglikelihoodRequest = { kind: 'loglikelihood', key: 'll', context: 'Question: which letter?\nAnswer:', continuations: [' A', ' B', ' C alpha'] };

  /** Expected from the fake's deterministic log-probabilities: tokens after the context, summed. */
  function expected(context: string, continuation: string) {
    const t = fakeTokenLogprobs(context + continuation);
    let logprob = 0;
    let greedy = true;
    let tokens = 0;
    t.offsets.forEach((offset, i) => {
      if (offset < context.trimEnd().length) return;
      logprob += t.logprobs[i] as number;
      greedy &&= t.top[i]?.logprob === t.logprobs[i];
      tokens++;
    });
    return { logprob, greedy, tokens };
  }

  for (const support of ['echo', 'echo-needs-one-token', 'prompt-logprobs'] as const) {
    it(`sums the continuation's token log-probabilities (${support})`, async () => {
      const { server, backend } = await setup({ logprobs: support });
      expect(backend.capabilities.loglikelihood).toBe(true);
      const completion = completionOf((await backend.answer([request]))[0]);
      const want = request.continuations.map((c) => expected(request.context, c));
      if (completion.kind !== 'loglikelihood') throw new Error('expected log-likelihoods');
      completion.logprobs.forEach((lp, i) => expect(lp).toBeCloseTo(want[i]?.logprob ?? NaN, 9));
      expect(completion.greedy).toEqual(want.map((w) => w.greedy));
      expect(completion.continuationTokens).toEqual(want.map((w) => w.tokens));
      const scoring = server.requests.filter((r) => r.path === '/completions' && typeof r.body.prompt === 'string' && r.body.prompt.startsWith('Question'));
      expect(scoring.map((r) => r.body.prompt).sort()).toEqual(request.continuations.map((c) => request.context + c).sort());
      if (support === 'echo') expect(scoring[0]?.body).toMatchObject({ echo: true, max_tokens: 0, logprobs: 1 });
      if (support === 'echo-needs-one-token') expect(scoring[0]?.body).toMatchObject({ echo: true, max_tokens: 1, logprobs: 1 });
      if (support === 'prompt-logprobs') expect(scoring[0]?.body).toMatchObject({ prompt_logprobs: 1, max_tokens: 1 });
    });
  }

  it('finds greedy continuations true and false on the fake data', async () => {
    // Guard: the expected values above must exercise both branches somewhere, or the greedy check is untested.
    const flags = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((l) => expected('Answer:', ` ${l}`).greedy);
    expect(flags).toContain(true);
    expect(flags).toContain(false);
  });

  it('is refused up front, with the reason, when the server cannot return prompt log-probabilities', async () => {
    const { backend } = await setup({ logprobs: 'none' });
    expect(backend.capabilities.loglikelihood).toBe(false);
    expect(String(backend.info.details?.loglikelihoodUnavailable)).toMatch(/cannot return prompt log-probabilities.*echo and logprobs are not supported/u);
    const [outcome] = await backend.answer([request]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CAPABILITY' } });
  });
});

describe('openai backend: opening', () => {
  it('names the models the server has when the model name is wrong', async () => {
    const server = await startFakeOpenAiServer({ models: ['ernie-a', 'ernie-b'] });
    open.push({ server });
    await expect(openOpenAiBackend({ baseUrl: server.url, model: 'ernie-c', env: {} })).rejects.toMatchObject({ code: 'MODEL_MISSING', message: expect.stringContaining('ernie-a, ernie-b') });
  });

  it('fingerprints URL, model and the /models entry, not the time of the call', async () => {
    const { server, backend } = await setup();
    const again = await openOpenAiBackend({ baseUrl: server.url, model: FAKE_MODEL, env: {} });
    open.push({ backend: again });
    expect(again.info.fingerprint).toBe(backend.info.fingerprint);
    expect(backend.info).toMatchObject({ kind: 'openai', location: server.url, modelName: FAKE_MODEL });
    expect(backend.preferredOrder).toBe('shared-prefix');
    expect(backend.maxBatchSize).toBe(1);
  });

  it('adds /v1 to a bare host and refuses credentials in the URL', async () => {
    const { server } = await setup();
    const bare = server.url.replace(/\/v1$/u, '');
    const backend = await openOpenAiBackend({ baseUrl: bare, model: FAKE_MODEL, env: {} });
    open.push({ backend });
    expect(backend.info.location).toBe(server.url);
    await expect(openOpenAiBackend({ baseUrl: server.url.replace('http://', 'http://user:secret@'), model: FAKE_MODEL, env: {} })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('refuses a named key variable that is not set', async () => {
    const { server } = await setup();
    await expect(openOpenAiBackend({ baseUrl: server.url, model: FAKE_MODEL, env: {}, apiKeyEnv: 'MY_KEY' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('MY_KEY') });
  });
});
