// Requests per second that the OpenAI backend sustains against a server that answers instantly,
// side by side with autocannon (a load generator with its own minimal HTTP/1.1 client) hitting the
// same server with the same request bodies at the same concurrency. The ratio backend / autocannon
// is the share of the load generator's rate our client keeps: what is left is the client's own
// overhead (building bodies, the retry wrapper, SSE parsing, timing, scoring the echo). Asserts
// nothing; prints a table. A plain node:http keep-alive loop is measured too: the floor of any
// client built on node:http, which separates Node's HTTP stack from our own code.
//
//   npx tsx bench/http-client-overhead.ts [--seconds 4] [--concurrency 8] [--rounds 2]
//
// The server runs in a worker thread so that it does not share the client's event loop.
import http from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Request } from '../src/core/index.ts';
import { openOpenAiBackend } from '../src/model/openai/index.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '4' }, concurrency: { type: 'string', default: '8' }, rounds: { type: 'string', default: '2' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  errors: number;
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// An instant OpenAI-compatible server: answers are computed once per distinct body and cached.
const SERVER = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const cache = new Map();
function answer(path, text) {
  if (path === '/v1/models') return { type: 'application/json', body: JSON.stringify({ object: 'list', data: [{ id: 'instant', object: 'model', owned_by: 'bench' }] }) };
  const body = JSON.parse(text);
  if (body.stream) {
    const events = ['The', ' answer', ' is', ' 4', '.', ' Done', '.', ''].map((t, i, all) => JSON.stringify({ choices: [{ index: 0, text: t, finish_reason: i === all.length - 1 ? 'stop' : null }] }));
    events.push(JSON.stringify({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 7 } }), '[DONE]');
    return { type: 'text/event-stream', body: events.map((e) => 'data: ' + e + '\\n\\n').join('') };
  }
  const prompt = String(body.prompt);
  const words = prompt.match(/\\s*\\S+|\\s+/g) ?? [];
  let offset = 0;
  const text_offset = words.map((w) => { const at = offset; offset += w.length; return at; });
  const token_logprobs = words.map((_, i) => (i === 0 ? null : -0.5));
  const top_logprobs = words.map((w, i) => (i === 0 ? null : { [w]: -0.5 }));
  return { type: 'application/json', body: JSON.stringify({ object: 'text_completion', choices: [{ index: 0, text: prompt, finish_reason: 'length', logprobs: { tokens: words, token_logprobs, top_logprobs, text_offset } }], usage: { prompt_tokens: words.length, completion_tokens: 0 } }) };
}
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString();
    const key = req.url + ' ' + text;
    let out = cache.get(key);
    if (out === undefined) { out = answer(req.url, text); cache.set(key, out); }
    res.writeHead(200, { 'content-type': out.type, 'content-length': Buffer.byteLength(out.body) });
    res.end(out.body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

const worker = new Worker(SERVER, { eval: true });
const port = await new Promise<number>((resolve) => worker.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}/v1`;
const backend = await openOpenAiBackend({ baseUrl, model: 'instant', env: {}, concurrency });

const context = 'The following are multiple choice questions (with answers).\n\nWhat is 2 + 2?\nA. 3\nB. 4\nC. 5\nD. 6\nAnswer:';
const scenarios: { name: string; request: Request; body: Record<string, unknown> }[] = [
  {
    name: 'log-likelihood (JSON, echo+logprobs)',
    request: { kind: 'loglikelihood', key: 'll', context, continuations: [' B'] },
    body: { model: 'instant', prompt: `${context} B`, echo: true, max_tokens: 0, temperature: 0, logprobs: 1 },
  },
  {
    name: 'generation (SSE, 8 chunks)',
    request: { kind: 'generate', key: 'gen', prompt: { kind: 'text', text: 'Q: 2+2?\nA:' }, params: { maxTokens: 16, temperature: 0, until: ['Q:'] } },
    body: { model: 'instant', prompt: 'Q: 2+2?\nA:', max_tokens: 16, temperature: 0, stop: ['Q:'], stream: true, stream_options: { include_usage: true } },
  },
];

async function runAutocannon(body: Record<string, unknown>): Promise<number> {
  const result = await autocannon({ url: `${baseUrl}/completions`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), connections: concurrency, pipelining: 1, duration: seconds });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`autocannon saw ${result.errors} errors and ${result.non2xx} non-2xx answers`);
  return result.requests.total / result.duration;
}

/** The floor under any node:http client: the same bodies posted in a plain keep-alive loop, bodies read whole. */
async function runPlainHttp(body: Record<string, unknown>): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const payload = JSON.stringify(body);
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(`${baseUrl}/completions`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve());
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await post();
        done++;
      }
    }),
  );
  agent.destroy();
  return (done * 1000) / (performance.now() - start);
}

/** `concurrency` lanes calling answer() back to back, as the runner does with maxBatchSize 1. */
async function runBackend(request: Request): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const lane = async () => {
    while (performance.now() < until) {
      const [outcome] = await backend.answer([request]);
      if (outcome?.ok === true) done++;
      else failed++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  if (failed > 0) throw new Error(`${failed} backend requests failed`);
  return (done * 1000) / (performance.now() - start);
}

console.log(`instant server on ${baseUrl}; concurrency ${concurrency}, ${seconds} s per measurement, ${rounds} rounds alternating`);
console.log('| scenario | autocannon req/s | plain node:http loop req/s | ernie-eval backend req/s | backend / autocannon | backend / plain node:http |');
console.log('|---|---|---|---|---|---|');
for (const scenario of scenarios) {
  await runBackend(scenario.request); // warm-up: sockets open, JIT warm
  const cannon: number[] = [];
  const plain: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r < rounds; r++) {
    cannon.push(await runAutocannon(scenario.body));
    plain.push(await runPlainHttp(scenario.body));
    ours.push(await runBackend(scenario.request));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [a, p, o] = [mean(cannon), mean(plain), mean(ours)];
  console.log(`| ${scenario.name} | ${a.toFixed(0)} | ${p.toFixed(0)} | ${o.toFixed(0)} | ${(o / a).toFixed(2)} | ${(o / p).toFixed(2)} |`);
}
await backend.close();
await worker.terminate();
