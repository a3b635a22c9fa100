// Every bad request body is a 400 in the OpenAI error shape naming the field at fault, and the
// server keeps serving afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, postJson, serveTinyModel, type Served } from './serve-fixture.ts';

interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const MESSAGES = [{ role: 'user', content: 'Hi' }];

const CASES: { name: string; path: string; body: unknown; param: string }[] = [
  { name: 'not JSON', path: '/chat/completions', body: '{"messages": [', param: 'body' },
  { name: 'a list instead of an object', path: '/chat/completions', body: [1, 2], param: 'body' },
  { name: 'no messages', path: '/chat/completions', body: { max_tokens: 4 }, param: 'messages' },
  { name: 'empty messages', path: '/chat/completions', body: { messages: [] }, param: 'messages' },
  { name: 'a message without role', path: '/chat/completions', body: { messages: [{ content: 'Hi' }] }, param: 'messages[0].role' },
  { name: 'an unknown role', path: '/chat/completions', body: { messages: [{ role: 'robot', content: 'Hi' }] }, param: 'messages[0].role' },
  { name: 'content of the wrong type', path: '/chat/completions', body: { messages: [{ role: 'user', content: 42 }] }, param: 'messages[0].content' },
  { name: 'an unknown part type', path: '/chat/completions', body: { messages: [{ role: 'user', content: [{ type: 'audio' }] }] }, param: 'messages[0].content[0].type' },
  { name: 'a remote image URL', path: '/chat/completions', body: { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }] }, param: 'messages[0].content[0].image_url.url' },
  { name: 'an image for a text-only model', path: '/chat/completions', body: { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }] }, param: 'messages' },
  { name: 'max_tokens as a string', path: '/chat/completions', body: { messages: MESSAGES, max_tokens: '4' }, param: 'max_tokens' },
  { name: 'max_tokens 0 for chat', path: '/chat/completions', body: { messages: MESSAGES, max_tokens: 0 }, param: 'max_tokens' },
  { name: 'a fractional max_completion_tokens', path: '/chat/completions', body: { messages: MESSAGES, max_completion_tokens: 2.5 }, param: 'max_completion_tokens' },
  { name: 'temperature out of range', path: '/chat/completions', body: { messages: MESSAGES, temperature: 3 }, param: 'temperature' },
  { name: 'top_p 0', path: '/chat/completions', body: { messages: MESSAGES, top_p: 0 }, param: 'top_p' },
  { name: 'stop as a number', path: '/chat/completions', body: { messages: MESSAGES, stop: 5 }, param: 'stop' },
  { name: 'n > 1', path: '/chat/completions', body: { messages: MESSAGES, n: 2 }, param: 'n' },
  { name: 'stream as a string', path: '/chat/completions', body: { messages: MESSAGES, stream: 'yes' }, param: 'stream' },
  { name: 'stream_options without stream', path: '/chat/completions', body: { messages: MESSAGES, stream_options: { include_usage: true } }, param: 'stream_options' },
  { name: 'an unknown stream option', path: '/chat/completions', body: { messages: MESSAGES, stream: true, stream_options: { foo: 1 } }, param: 'stream_options.foo' },
  { name: 'enable_thinking not a boolean', path: '/chat/completions', body: { messages: MESSAGES, chat_template_kwargs: { enable_thinking: 'on' } }, param: 'chat_template_kwargs.enable_thinking' },
  { name: 'an unknown field', path: '/chat/completions', body: { messages: MESSAGES, frequency_penalty: 0.5 }, param: 'frequency_penalty' },
  { name: 'no prompt', path: '/completions', body: { max_tokens: 4 }, param: 'prompt' },
  { name: 'token-id prompts', path: '/completions', body: { prompt: [1, 2, 3] }, param: 'prompt' },
  { name: 'logprobs above 1', path: '/completions', body: { prompt: 'x y', echo: true, max_tokens: 0, logprobs: 5 }, param: 'logprobs' },
  { name: 'logprobs of generated tokens', path: '/completions', body: { prompt: 'x y', max_tokens: 3, logprobs: 1 }, param: 'logprobs' },
  { name: 'echo not a boolean', path: '/completions', body: { prompt: 'x y', echo: 1 }, param: 'echo' },
  { name: 'negative max_tokens', path: '/completions', body: { prompt: 'x y', max_tokens: -1 }, param: 'max_tokens' },
  { name: 'streaming several prompts', path: '/completions', body: { prompt: ['a', 'b'], stream: true }, param: 'prompt' },
  { name: 'vLLM prompt_logprobs (not offered)', path: '/completions', body: { prompt: 'x y', max_tokens: 1, prompt_logprobs: 1 }, param: 'prompt_logprobs' },
];

describe('serve refuses bad bodies', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveTinyModel();
  });
  afterAll(async () => served.stop());

  it.each(CASES)('$name → 400 naming $param', async ({ path, body, param }) => {
    const res = await post(served.server, path, body);
    expect(res.status).toBe(400);
    const error = ((await res.json()) as ErrorBody).error;
    expect(error.type).toBe('invalid_request_error');
    expect(error.param).toBe(param);
    expect(error.message).toContain(param === 'body' ? 'body' : param);
  });

  it('still answers after all of them', async () => {
    const { status } = await postJson(served.server, '/chat/completions', { messages: MESSAGES, max_tokens: 2, temperature: 0 });
    expect(status).toBe(200);
  });
});
