// A small OpenAI-compatible server on 127.0.0.1:0 for the HTTP backend's tests. Every answer is a
// deterministic function of the request (a word tokenizer and hashed log-probabilities), so tests
// compute the expected numbers with the exported functions. A fault plan makes chosen requests fail
// (429 with Retry-After, 500, 503, 4xx, a dropped connection, a stream cut mid-way, a hung
// response), and every request received is recorded so tests can count attempts and duplicates.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'http-400' | 'http-401' | 'http-404' | 'http-429' | 'http-500' | 'http-503' | 'drop' | 'cut' | 'hang';

export interface Fault {
  kind: FaultKind;
  /** Retry-After header value for 429/503 (seconds or an HTTP date). */
  retryAfter?: string;
}

/** What /completions does with log-probability requests. */
export type LogprobSupport =
  | 'echo' // echo + logprobs with max_tokens 0 (FastDeploy, ernie-eval serve)
  | 'echo-needs-one-token' // refuses max_tokens 0 with 400; echo + logprobs with max_tokens 1 works
  | 'prompt-logprobs' // ignores echo (no logprobs in the answer) but answers vLLM's prompt_logprobs
  | 'none'; // refuses echo/logprobs/prompt_logprobs with 400 (a chat-only or hosted API)

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** Canonical identity of the request: path + body text. */
  identity: string;
  authorization: string | undefined;
  /** The client's port: requests on one keep-alive connection share it. */
  clientPort: number | undefined;
  /** How many identical requests arrived before this one. */
  seen: number;
  fault?: FaultKind;
  /** Whether a complete successful answer was sent. */
  answered: boolean;
}

export interface FakeServerOptions {
  models?: string[];
  logprobs?: LogprobSupport;
  /** Require `Authorization: Bearer <apiKey>`; others get 401. */
  apiKey?: string;
  /** Error bodies quote the request's Authorization header (a careless server), to test redaction. */
  echoAuthorizationInErrors?: boolean;
  /** Leave `usage` out of streams even when asked for it. */
  omitUsage?: boolean;
  /** Decide a fault for a request; `seen` counts identical requests received before it. */
  faults?: (request: RecordedRequest) => Fault | undefined;
}

export interface FakeOpenAiServer {
  /** Base URL with /v1. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const FAKE_MODEL = 'fake-ernie';

function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** Word-level tokens with their character offsets: each token is a word with its leading spaces. */
export function fakeTokenize(text: string): { tokens: string[]; offsets: number[] } {
  const tokens: string[] = [];
  const offsets: number[] = [];
  for (const match of text.matchAll(/\s*\S+|\s+/gu)) {
    tokens.push(match[0]);
    offsets.push(match.index ?? 0);
  }
  return { tokens, offsets };
}

/** Per-token log-probabilities of a text as the fake model sees it (the first token has none). */
export function fakeTokenLogprobs(text: string): { tokens: string[]; offsets: number[]; logprobs: (number | null)[]; top: ({ token: string; logprob: number } | null)[] } {
  const { tokens, offsets } = fakeTokenize(text);
  const logprobs: (number | null)[] = [];
  const top: ({ token: string; logprob: number } | null)[] = [];
  tokens.forEach((token, i) => {
    if (i === 0) {
      logprobs.push(null);
      top.push(null);
      return;
    }
    const h = hash32(`${tokens[i - 1]}\u0000${token}`);
    const logprob = -(1 + (h % 5000)) / 1000;
    logprobs.push(logprob);
    top.push(h % 4 === 0 ? { token, logprob } : { token: '<top>', logprob: Math.min(-0.0001, logprob + 0.5) });
  });
  return { tokens, offsets, logprobs, top };
}

/** The fake model's output for a prompt: a reasoning text (thinking on) and an answer text. */
export function fakeGeneration(promptKey: string, body: Record<string, unknown>): { reasoning: string[]; content: string[] } {
  const temperature = typeof body.temperature === 'number' ? body.temperature : 1;
  const seed = body.seed ?? 'none';
  const n = hash32(`${promptKey}|${temperature > 0 ? `seed=${String(seed)}` : 'greedy'}`) % 100;
  const content = fakeTokenize(` Let me compute. The answer is ${n}.\n\nQ: What next?`).tokens;
  const kwargs = body.chat_template_kwargs as { enable_thinking?: unknown } | undefined;
  const reasoning = kwargs?.enable_thinking === true ? fakeTokenize(`Thinking about ${n} carefully.`).tokens : [];
  return { reasoning, content };
}

function errorBody(status: number, message: string): string {
  return JSON.stringify({ error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', code: status } });
}

interface Emission {
  reasoning: string[];
  content: string[];
  finishReason: 'stop' | 'length';
  stopReason: string | null;
  promptTokens: number;
}

/** Apply max_tokens and stop strings (excluded from the text, as servers do). */
function emit(promptText: string, promptKey: string, body: Record<string, unknown>): Emission {
  const { reasoning, content } = fakeGeneration(promptKey, body);
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : 16;
  const stops = Array.isArray(body.stop) ? body.stop.filter((s): s is string => typeof s === 'string') : [];
  const kept: string[] = [];
  let text = '';
  let budget = maxTokens - reasoning.length;
  for (const token of content) {
    const next = text + token;
    const hit = stops.map((s) => ({ s, at: next.indexOf(s) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at)[0];
    if (hit !== undefined) {
      const before = next.slice(text.length, hit.at);
      if (before !== '') kept.push(before);
      return { reasoning, content: kept, finishReason: 'stop', stopReason: hit.s, promptTokens: fakeTokenize(promptText).tokens.length };
    }
    if (budget <= 0) return { reasoning, content: kept, finishReason: 'length', stopReason: null, promptTokens: fakeTokenize(promptText).tokens.length };
    kept.push(token);
    text = next;
    budget--;
  }
  return { reasoning, content: kept, finishReason: 'stop', stopReason: null, promptTokens: fakeTokenize(promptText).tokens.length };
}

function messagesText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  return messages
    .map((m: { role?: unknown; content?: unknown }) => {
      const content = typeof m.content === 'string' ? m.content : Array.isArray(m.content) ? m.content.map((p: { text?: unknown; image_url?: { url?: unknown } }) => (typeof p.text === 'string' ? p.text : `<image ${String(p.image_url?.url ?? '').length}>`)).join('') : '';
      return `${String(m.role)}: ${content}`;
    })
    .join('\n');
}

function echoLogprobs(prompt: string, withGenerated: boolean): Record<string, unknown> {
  const t = fakeTokenLogprobs(prompt);
  const top = t.top.map((entry, i) => (entry === null ? null : { [entry.token]: entry.logprob, [t.tokens[i] as string]: t.logprobs[i] as number }));
  const out = { tokens: [...t.tokens], token_logprobs: [...t.logprobs], top_logprobs: top, text_offset: [...t.offsets] };
  if (withGenerated) {
    out.tokens.push(' gen');
    out.token_logprobs.push(-0.25);
    out.top_logprobs.push({ ' gen': -0.25 });
    out.text_offset.push(prompt.length);
  }
  return out;
}

function promptLogprobs(prompt: string): unknown[] {
  const t = fakeTokenLogprobs(prompt);
  return t.tokens.map((token, i) => {
    const lp = t.logprobs[i];
    const top = t.top[i];
    if (lp === null || lp === undefined || top === null || top === undefined) return null;
    const own = { [String(hash32(token) % 100000)]: { logprob: lp, rank: top.token === token ? 1 : 7, decoded_token: token } };
    return top.token === token ? own : { ...own, '99999999': { logprob: top.logprob, rank: 1, decoded_token: top.token } };
  });
}

export async function startFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  const models = options.models ?? [FAKE_MODEL];
  const support = options.logprobs ?? 'echo';
  const requests: RecordedRequest[] = [];
  const seenCount = new Map<string, number>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bodyText = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = bodyText === '' ? {} : (JSON.parse(bodyText) as Record<string, unknown>);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(errorBody(400, 'body is not JSON'));
        return;
      }
      const path = (req.url ?? '/').replace(/^\/v1/u, '');
      const identity = `${req.method} ${path} ${bodyText}`;
      const seen = seenCount.get(identity) ?? 0;
      seenCount.set(identity, seen + 1);
      const record: RecordedRequest = { method: req.method ?? 'GET', path, body, identity, authorization: req.headers.authorization, clientPort: req.socket.remotePort, seen, answered: false };
      requests.push(record);
      const fail = (status: number, message: string, headers: Record<string, string> = {}) => {
        const quoted = options.echoAuthorizationInErrors === true ? ` (you sent authorization: ${req.headers.authorization ?? 'none'})` : '';
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(errorBody(status, message + quoted));
      };

      if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) return fail(401, 'invalid API key');
      const fault = path === '/health' ? undefined : options.faults?.(record);
      if (fault !== undefined) {
        record.fault = fault.kind;
        const retryAfter: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
        switch (fault.kind) {
          case 'http-400':
            return fail(400, 'injected bad request');
          case 'http-401':
            return fail(401, 'injected unauthorized');
          case 'http-404':
            return fail(404, 'injected not found');
          case 'http-429':
            return fail(429, 'injected rate limit', retryAfter);
          case 'http-500':
            return fail(500, 'injected server error');
          case 'http-503':
            return fail(503, 'injected unavailable', retryAfter);
          case 'drop':
            req.socket.destroy();
            return;
          case 'hang':
            return; // never answers; close() ends the connection
          case 'cut':
            break; // answered below, then cut
        }
      }
      const cut = fault?.kind === 'cut';
      const send = (status: number, payload: unknown) => {
        const text = JSON.stringify(payload);
        if (cut) {
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
          res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
          return;
        }
        res.writeHead(status, { 'content-type': 'application/json' }).end(text);
        record.answered = true;
      };

      if (path === '/health') return send(200, { status: 'ok' });
      if (path === '/models' && req.method === 'GET') {
        return send(200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: Math.floor(Date.now() / 1000), owned_by: 'fake' })) });
      }
      if (req.method !== 'POST' || (path !== '/completions' && path !== '/chat/completions')) return fail(404, `no route ${req.method} ${path}`);
      if (typeof body.model !== 'string' || !models.includes(body.model)) return fail(404, `model ${String(body.model)} does not exist`);

      const wantsLogprobs = body.echo === true || body.logprobs !== undefined || body.prompt_logprobs !== undefined;
      if (path === '/completions' && wantsLogprobs) {
        const prompt = String(body.prompt ?? '');
        if (support === 'none') return fail(400, 'echo and logprobs are not supported');
        if (body.prompt_logprobs !== undefined) {
          if (support !== 'prompt-logprobs') return fail(400, 'prompt_logprobs is not supported');
          return send(200, { object: 'text_completion', model: body.model, choices: [{ index: 0, text: ' gen', finish_reason: 'length', prompt_logprobs: promptLogprobs(prompt) }], usage: { prompt_tokens: fakeTokenize(prompt).tokens.length, completion_tokens: 1 } });
        }
        if (support === 'prompt-logprobs') return send(200, { object: 'text_completion', model: body.model, choices: [{ index: 0, text: ' gen', finish_reason: 'length', logprobs: null }] });
        if (body.max_tokens === 0 && support === 'echo-needs-one-token') return fail(400, 'max_tokens must be at least 1');
        const withGenerated = body.max_tokens !== 0;
        return send(200, {
          object: 'text_completion',
          model: body.model,
          choices: [{ index: 0, text: withGenerated ? `${prompt} gen` : prompt, finish_reason: 'length', logprobs: echoLogprobs(prompt, withGenerated) }],
          usage: { prompt_tokens: fakeTokenize(prompt).tokens.length, completion_tokens: withGenerated ? 1 : 0 },
        });
      }

      const chat = path === '/chat/completions';
      const promptText = chat ? messagesText(body.messages) : String(body.prompt ?? '');
      const out = emit(promptText, promptText, body);
      const usage = { prompt_tokens: out.promptTokens, completion_tokens: out.reasoning.length + out.content.length, total_tokens: out.promptTokens + out.reasoning.length + out.content.length };
      if (body.stream !== true) {
        const text = out.content.join('');
        const reasoning = out.reasoning.join('');
        const choice = chat
          ? { index: 0, message: { role: 'assistant', content: text, ...(reasoning === '' ? {} : { reasoning_content: reasoning }) }, finish_reason: out.finishReason, stop_reason: out.stopReason }
          : { index: 0, text, finish_reason: out.finishReason, stop_reason: out.stopReason };
        return send(200, { object: chat ? 'chat.completion' : 'text_completion', model: body.model, choices: [choice], usage });
      }

      const events: string[] = [];
      for (const piece of out.reasoning) events.push(JSON.stringify({ choices: [{ index: 0, delta: { reasoning_content: piece }, finish_reason: null }] }));
      for (const piece of out.content) events.push(JSON.stringify({ choices: [chat ? { index: 0, delta: { content: piece }, finish_reason: null } : { index: 0, text: piece, finish_reason: null }] }));
      events.push(JSON.stringify({ choices: [chat ? { index: 0, delta: {}, finish_reason: out.finishReason, stop_reason: out.stopReason } : { index: 0, text: '', finish_reason: out.finishReason, stop_reason: out.stopReason }] }));
      const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
      if (streamOptions?.include_usage === true && options.omitUsage !== true) events.push(JSON.stringify({ choices: [], usage }));
      events.push('[DONE]');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if (cut) {
        res.write(`data: ${events[0] ?? ''}\n\n`, () => req.socket.destroy());
        return;
      }
      res.end(events.map((e) => `data: ${e}\n\n`).join(''));
      record.answered = true;
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
