// `serve` end to end over HTTP on 127.0.0.1 with the tiny ERNIE model: the OpenAI shapes, streaming
// that adds up to the non-streamed answer, echo + logprobs equal to the model's own token
// log-probabilities, stop strings, batching of concurrent clients, and the small routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/core/index.ts';
import { OnnxModel } from '../../../src/model/index.ts';
import { MODEL_NAME, post, postJson, readEvents, serveTinyModel, type Served } from './serve-fixture.ts';

interface ChatBody {
  id: string;
  object: string;
  model: string;
  choices: { index: number; message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

interface CompletionBody {
  object: string;
  choices: { index: number; text: string; finish_reason: string; logprobs: { tokens: string[]; token_logprobs: (number | null)[]; top_logprobs: (Record<string, number> | null)[]; text_offset: number[] } | null }[];
  usage: { prompt_tokens: number; completion_tokens: number };
}

const CHAT = { model: MODEL_NAME, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Tom has 3 apples and buys 4 more. How many?' }], max_tokens: 16, temperature: 0 };

describe('ernie-eval serve (tiny ERNIE model)', () => {
  let served: Served;
  let model: OnnxModel;
  beforeAll(async () => {
    served = await serveTinyModel({ workers: 1 });
    model = await OnnxModel.open(served.modelDir, { threads: 1 });
  });
  afterAll(async () => {
    await model.close();
    await served.stop();
  });

  it('answers a chat completion as the model answers the same request in-process', async () => {
    const { status, body } = await postJson<ChatBody>(served.server, '/chat/completions', CHAT);
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'chat.completion', model: MODEL_NAME, choices: [{ index: 0, message: { role: 'assistant' } }] });
    expect(body.id).toMatch(/^chatcmpl-/);
    const [direct] = await model.answer([{ kind: 'generate', key: 'k', prompt: { kind: 'chat', messages: CHAT.messages as never }, params: { maxTokens: 16, temperature: 0, until: [] } }]);
    if (direct?.ok !== true || direct.completion.kind !== 'generate') throw new Error('direct generation failed');
    expect(body.choices[0]?.message.content).toBe(direct.completion.text);
    expect(body.choices[0]?.finish_reason).toBe(direct.completion.finishReason === 'length' ? 'length' : 'stop');
    expect(body.usage).toEqual({ prompt_tokens: direct.completion.tokens.prompt, completion_tokens: direct.completion.tokens.generated, total_tokens: direct.completion.tokens.prompt + direct.completion.tokens.generated });
  });

  it('streams chat chunks that add up to the non-streamed text, then usage and [DONE]', async () => {
    const plain = await postJson<ChatBody>(served.server, '/chat/completions', CHAT);
    const res = await post(served.server, '/chat/completions', { ...CHAT, stream: true, stream_options: { include_usage: true } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { events, done } = await readEvents(res);
    expect(done).toBe(true);
    const ids = new Set(events.map((e) => e['id']));
    expect(ids.size).toBe(1);
    const chunks = events.filter((e) => (e['choices'] as unknown[]).length > 0) as unknown as { object: string; usage: null; choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[] }[];
    for (const chunk of chunks) expect(chunk).toMatchObject({ object: 'chat.completion.chunk', usage: null });
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.slice(0, -1).every((c) => c.choices[0]?.finish_reason === null)).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe(plain.body.choices[0]?.finish_reason);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(plain.body.choices[0]?.message.content);
    expect(chunks.filter((c) => (c.choices[0]?.delta.content ?? '') !== '').length).toBeGreaterThan(1); // really streamed
    const last = events.at(-1) as { choices: unknown[]; usage: unknown };
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual(plain.body.usage);
  });

  it('records server-side timestamps in order: received, dispatched, first token, chunks, done', async () => {
    const res = await post(served.server, '/chat/completions', { ...CHAT, stream: true });
    const { events } = await readEvents(res);
    const entry = served.server.requests().at(-1);
    if (entry === undefined) throw new Error('no request recorded');
    const contentChunks = events.filter((e) => ((e['choices'] as { delta: { content?: string } }[])[0]?.delta.content ?? '') !== '').length;
    expect(entry).toMatchObject({ endpoint: '/v1/chat/completions', stream: true, status: 200 });
    expect(entry.chunkWrittenAt.length).toBe(contentChunks);
    const sequence = [entry.receivedAt, entry.dispatchedAt, entry.firstTokenAt, ...entry.chunkWrittenAt, entry.doneAt] as number[];
    sequence.slice(1).forEach((t, i) => expect(t).toBeGreaterThanOrEqual(sequence[i] as number));
    // The same log over HTTP (debug mode).
    const listed = (await (await fetch(`${served.server.url.replace(/\/v1$/, '')}/debug/requests`)).json()) as { requests: { id: string }[] };
    expect(listed.requests.map((r) => r.id)).toContain(entry.id);
  });

  it('returns prompt log-probabilities with echo that equal the model\'s and sum to its log-likelihood', async () => {
    const context = 'Question: What is 2 + 2?\nAnswer:';
    const continuation = ' 4 apples';
    const { status, body } = await postJson<CompletionBody>(served.server, '/completions', { model: MODEL_NAME, prompt: context + continuation, max_tokens: 0, echo: true, logprobs: 1, temperature: 0 });
    expect(status).toBe(200);
    expect(body.object).toBe('text_completion');
    const choice = body.choices[0];
    const logprobs = choice?.logprobs;
    if (choice === undefined || logprobs === null || logprobs === undefined) throw new Error('no logprobs returned');
    expect(choice.text).toBe(context + continuation);
    const [direct, ll] = (await model.answer([
      { kind: 'token-logprobs', key: 't', text: context + continuation },
      { kind: 'loglikelihood', key: 'l', context, continuations: [continuation] },
    ])) as Outcome[];
    if (direct?.ok !== true || direct.completion.kind !== 'token-logprobs' || ll?.ok !== true || ll.completion.kind !== 'loglikelihood') throw new Error('direct answers failed');
    expect(logprobs.tokens).toEqual(direct.completion.tokenTexts);
    expect(logprobs.text_offset).toEqual(direct.completion.textOffsets);
    expect(logprobs.token_logprobs[0]).toBeNull();
    expect(logprobs.top_logprobs[0]).toBeNull();
    logprobs.token_logprobs.forEach((lp, i) => (i === 0 ? undefined : expect(Math.abs((lp as number) - (direct.completion as { logprobs: number[] }).logprobs[i]!)).toBeLessThan(1e-6)));
    logprobs.top_logprobs.slice(1).forEach((top, i) => expect(top).toEqual({ [direct.completion.kind === 'token-logprobs' ? (direct.completion.topTokens[i + 1] as string) : '']: expect.any(Number) }));
    const start = logprobs.text_offset.findIndex((o) => o >= context.length);
    const sum = logprobs.token_logprobs.slice(start).reduce<number>((a, b) => a + (b as number), 0);
    expect(Math.abs(sum - (ll.completion.logprobs[0] as number))).toBeLessThan(1e-4);
    expect(body.usage).toMatchObject({ prompt_tokens: logprobs.tokens.length, completion_tokens: 0 });
  });

  it('answers a list of prompts with one choice each, in order', async () => {
    const prompts = ['The capital of France is Paris', 'One two three'];
    const { status, body } = await postJson<CompletionBody>(served.server, '/completions', { prompt: prompts, max_tokens: 0, echo: true, logprobs: 0 });
    expect(status).toBe(200);
    expect(body.choices.map((c) => [c.index, c.text])).toEqual([[0, prompts[0]], [1, prompts[1]]]);
    expect(body.choices.every((c) => c.logprobs?.top_logprobs.every((t) => t === null))).toBe(true); // logprobs 0: no alternatives
  });

  it('stops a text completion before a stop string, streamed or not', async () => {
    const prompt = 'Question: Tom has 3 apples and buys 4 more. How many?\nAnswer:';
    const free = await postJson<CompletionBody>(served.server, '/completions', { prompt, max_tokens: 16, temperature: 0 });
    const text = free.body.choices[0]?.text ?? '';
    expect(free.body.choices[0]?.finish_reason).toBe('length');
    expect(text.length).toBeGreaterThan(4);
    const stop = text.slice(3, 5);
    const cut = text.slice(0, text.indexOf(stop));
    const stopped = await postJson<CompletionBody>(served.server, '/completions', { prompt, max_tokens: 16, temperature: 0, stop: [stop, 'never-occurs'] });
    expect(stopped.body.choices[0]).toMatchObject({ text: cut, finish_reason: 'stop' });
    const res = await post(served.server, '/completions', { prompt, max_tokens: 16, temperature: 0, stop, stream: true });
    const { events, done } = await readEvents(res);
    expect(done).toBe(true);
    const chunks = events as unknown as { object: string; choices: { text: string; finish_reason: string | null }[] }[];
    expect(chunks.every((c) => c.object === 'text_completion')).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.text ?? '').join('')).toBe(cut);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    // echo: the prompt comes first.
    const echoed = await postJson<CompletionBody>(served.server, '/completions', { prompt, max_tokens: 16, temperature: 0, echo: true });
    expect(echoed.body.choices[0]?.text).toBe(prompt + text);
  });

  it('batches concurrent clients into shared forward passes without changing their answers', async () => {
    const prompts = ['Once upon a time', 'The answer is', 'Question: 1 + 1 =', 'Hello', 'In the beginning'];
    const alone = [];
    for (const prompt of prompts) alone.push((await postJson<CompletionBody>(served.server, '/completions', { prompt, max_tokens: 8, temperature: 0 })).body.choices[0]?.text);
    // A server whose batches leave only when full (the window is far longer than the test), so
    // the five clients must share one batch whatever the machine's speed.
    const batching = await serveTinyModel({ workers: 1, batchSize: prompts.length, batchWindowMs: 600_000 });
    try {
      const together = await Promise.all(prompts.map((prompt) => postJson<CompletionBody>(batching.server, '/completions', { prompt, max_tokens: 8, temperature: 0 })));
      expect(together.map((r) => r.body.choices[0]?.text)).toEqual(alone);
      expect(batching.server.requests().map((r) => r.batchSize)).toEqual(prompts.map(() => prompts.length));
    } finally {
      await batching.stop();
    }
  });

  it('lists the model and answers health checks; unknown paths are 404, wrong methods 405', async () => {
    const models = (await (await fetch(`${served.server.url}/models`)).json()) as { object: string; data: { id: string; object: string }[] };
    expect(models).toMatchObject({ object: 'list', data: [{ id: MODEL_NAME, object: 'model' }] });
    const base = served.server.url.replace(/\/v1$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const missing = await fetch(`${served.server.url}/embeddings`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { type: string } }).error.type).toBe('not_found_error');
    expect((await fetch(`${served.server.url}/chat/completions`)).status).toBe(405);
    const wrongModel = await postJson<{ error: { param: string } }>(served.server, '/chat/completions', { ...CHAT, model: 'gpt-4' });
    expect(wrongModel.status).toBe(404);
    expect(wrongModel.body.error.param).toBe('model');
  });
});
