// ernie-eval as its own client: the same tasks through `--model DIR` and through `serve` +
// `--model openai:URL` give the same scores sample by sample, and what the HTTP client measures
// (TTFT, ITL, TPOT, E2E) agrees with the timestamps the server recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GenerateRequest } from '../../src/core/index.ts';
import { main } from '../../src/cli/main.ts';
import { openOpenAiBackend, type OpenAiBackend } from '../../src/model/index.ts';
import { OnnxPool } from '../../src/runner/index.ts';
import { startServer, type ServeHandle } from '../../src/serve/index.ts';
import { freshTempDir, tinyModelDir } from '../support/tiny-models.ts';

interface Line {
  task: string;
  sampleId: string;
  images?: { sha256: string; of: string }[];
  score?: { values: Record<string, number>; extracted?: Record<string, string | null> };
  completion?: { text?: string; reasoning?: string; logprobs?: number[] };
  error?: unknown;
}

let lastRecordDir = '';

async function runRecord(args: string[], what: string[] = ['--suite', 'smoke']): Promise<Map<string, Line>> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const errors: string[] = [];
  const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  try {
    // --no-cache: the direct and the HTTP run must each compute their answers.
    const code = await main(['run', ...what, '--no-cache', '--out', freshTempDir(), ...args]);
    expect(code, errors.join('\n')).toBe(0);
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  const dir = /^Record: (.+)$/m.exec(out.join('\n'))?.[1] ?? '';
  lastRecordDir = dir;
  const lines = readFileSync(join(dir, 'samples.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
  return new Map(lines.map((l) => [`${l.task}/${l.sampleId}`, l]));
}

describe('serve + the OpenAI backend against the ONNX backend directly', () => {
  let pool: OnnxPool;
  let server: ServeHandle;
  let modelDir: string;
  beforeAll(async () => {
    modelDir = await tinyModelDir('ernie4_5');
    pool = new OnnxPool(modelDir, { workers: 1, maxBatchSize: 8 });
    await pool.open();
    server = await startServer({ backend: pool, modelName: 'tiny-ernie', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await pool.close();
  });

  it('gives identical scores sample by sample, for log-likelihood and generation tasks', async () => {
    const direct = await runRecord(['--model', modelDir, '--workers', '1']);
    const viaHttp = await runRecord(['--model', `openai:${server.url}`, '--model-name', 'tiny-ernie', '--concurrency', '4']);
    // A remote endpoint's hardware is unknown: MFU says so instead of guessing.
    const remote = JSON.parse(readFileSync(join(lastRecordDir, 'results.json'), 'utf8')) as { efficiency: { mfu?: { status: string; note: string } } };
    expect(remote.efficiency.mfu).toMatchObject({ status: 'n/a', note: 'n/a, hardware unknown' });
    expect([...viaHttp.keys()].sort()).toEqual([...direct.keys()].sort());
    let logprobs = 0;
    for (const [id, d] of direct) {
      const h = viaHttp.get(id) as Line;
      expect(h.error, id).toBeUndefined();
      expect(h.score, id).toEqual(d.score); // same values and same extracted answers
      expect(h.completion?.text, id).toBe(d.completion?.text);
      // Log-probabilities: equal up to float32 noise of different batch shapes.
      (d.completion?.logprobs ?? []).forEach((lp, j) => {
        logprobs++;
        expect(Math.abs(lp - (h.completion?.logprobs?.[j] ?? NaN)), id).toBeLessThan(1e-4);
      });
    }
    expect(logprobs).toBeGreaterThan(20);
    // Stated hardware and model config turn it into an estimate against that peak.
    await runRecord(['--model', `openai:${server.url}`, '--model-name', 'tiny-ernie', '--serving-peak-tflops', '0.5', '--model-config', modelDir]);
    const stated = JSON.parse(readFileSync(join(lastRecordDir, 'results.json'), 'utf8')) as { efficiency: { mfu?: { status: string; vsTheoreticalPeak: number | null } } };
    expect(stated.efficiency.mfu?.status).toBe('estimate');
    expect(stated.efficiency.mfu?.vsTheoreticalPeak).toBeGreaterThan(0);
    expect([...direct.values()].filter((l) => l.task === 'gsm8k').length).toBeGreaterThan(0);
  });

  it('measures TTFT, ITL, TPOT and end-to-end latency as the server saw them, within 50 ms', async () => {
    const backend: OpenAiBackend = await openOpenAiBackend({ baseUrl: server.url, model: 'tiny-ernie', concurrency: 1 });
    try {
      const before = server.requests().length;
      const prompts = ['Tell me about the sea.', 'Count: one, two,', 'User question: why is the sky blue?'];
      const answers = [];
      for (const [i, text] of prompts.entries()) {
        const request: GenerateRequest = { kind: 'generate', key: `t${i}`, prompt: { kind: 'chat', messages: [{ role: 'user', content: text }] }, params: { maxTokens: 24, temperature: 0, until: [] } };
        const [outcome] = await backend.answer([request]);
        if (!outcome?.ok) throw new Error(`request ${i} failed: ${JSON.stringify(outcome)}`);
        answers.push(outcome.completion);
      }
      const served = server.requests().slice(before);
      expect(served).toHaveLength(prompts.length);
      // Stated tolerance: 50 ms. Client and server share one event loop on loopback; what separates
      // them is socket latency and event-loop scheduling, both far below that on an idle machine.
      const tolerance = 50;
      answers.forEach((completion, i) => {
        const s = served[i];
        if (s === undefined || s.doneAt === undefined) throw new Error('server did not record the request');
        const t = completion.timing;
        const first = s.chunkWrittenAt[0] as number;
        const last = s.chunkWrittenAt.at(-1) as number;
        expect(s.stream).toBe(true);
        expect(s.chunkWrittenAt.length).toBeGreaterThan(3);
        expect(Math.abs(t.ttftMs - (first - s.receivedAt))).toBeLessThan(tolerance);
        expect(Math.abs(t.totalMs - (s.doneAt - s.receivedAt))).toBeLessThan(tolerance);
        const clientItl = (t.itlMs ?? []).reduce((a, b) => a + b, 0);
        expect(Math.abs(clientItl - (last - first))).toBeLessThan(tolerance);
        // TPOT as vLLM defines it, (E2E − TTFT) / (n_out − 1), from each side's own clock.
        const n = completion.tokens.generated;
        expect(n).toBeGreaterThan(1);
        const clientTpot = (t.totalMs - t.ttftMs) / (n - 1);
        const serverTpot = (s.doneAt - first) / (n - 1);
        expect(Math.abs(clientTpot - serverTpot)).toBeLessThan(tolerance / (n - 1) + 1);
      });
    } finally {
      await backend.close();
    }
  });
});

describe('serve + the OpenAI backend against the ONNX backend directly, on the tiny ERNIE-VL model', () => {
  let pool: OnnxPool;
  let server: ServeHandle;
  let modelDir: string;
  beforeAll(async () => {
    modelDir = await tinyModelDir('ernie4_5_vl');
    pool = new OnnxPool(modelDir, { workers: 1, maxBatchSize: 8 });
    await pool.open();
    server = await startServer({ backend: pool, modelName: 'tiny-ernie-vl', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await pool.close();
  });

  it('gives identical answers and scores for image questions, thinking on and off', async () => {
    // POPE: yes/no questions about an image (short answers are scored, long generations still compared).
    const what = ['--tasks', 'pope', '--limit', '3'];
    const texts: Record<string, string[]> = {};
    for (const thinking of ['on', 'off']) {
      const direct = await runRecord(['--model', modelDir, '--workers', '1', '--thinking', thinking], what);
      const viaHttp = await runRecord(['--model', `openai:${server.url}`, '--model-name', 'tiny-ernie-vl', '--concurrency', '2', '--thinking', thinking], what);
      expect([...viaHttp.keys()].sort()).toEqual([...direct.keys()].sort());
      expect(direct.size).toBe(3);
      for (const [id, d] of direct) {
        const h = viaHttp.get(id) as Line;
        expect(d.error, id).toBeUndefined();
        expect(h.error, id).toBeUndefined();
        expect(h.completion?.text, id).toBe(d.completion?.text);
        // Thinking on: the template opened <think>, so what precedes </think> is reasoning, kept apart.
        expect(d.completion?.reasoning === undefined, id).toBe(thinking === 'off');
        expect(h.completion?.reasoning, id).toBe(d.completion?.reasoning);
        expect(h.score, id).toEqual(d.score);
        // What each side can vouch for: the pixels the local model saw, the bytes the client sent.
        expect(d.images?.[0]?.of).toBe('pixels');
        expect(h.images?.[0]?.of).toBe('bytes');
      }
      texts[thinking] = [...direct.values()].map((l) => l.completion?.text ?? '');
    }
    // The mode reached the chat template on both paths: the prompts, and so the answers, differ.
    expect(texts['on']).not.toEqual(texts['off']);
  });
});
