// What the server can do, found out once at open (DESIGN.md §1.5: refuse before the first request).
// GET /models checks the model name (and lists the ones served when it is wrong); a tiny
// /completions call with echo + logprobs decides whether log-likelihood tasks can run, trying the
// forms servers accept in turn: max_tokens 0 (FastDeploy, ernie-eval serve), max_tokens 1 (servers
// that refuse 0), vLLM's prompt_logprobs. When none works, the reason is kept for the refusal.
import { HarnessError } from '../../core/index.ts';
import { loglikelihoodBody, parsePromptLogprobs, type LoglikelihoodMode } from './completions-loglikelihood.ts';
import { HttpCallError, type HttpClient } from './http-client.ts';

export interface ProbeResult {
  /** The server's /models entry for the model (hashed into the fingerprint). */
  modelEntry: Record<string, unknown>;
  servedModels: string[];
  loglikelihood: { ok: true; mode: LoglikelihoodMode } | { ok: false; reason: string };
}

const PROBE_TEXT = 'The capital of France is Paris.';

const MODES: { mode: LoglikelihoodMode; label: string }[] = [
  { mode: { form: 'echo', maxTokens: 0 }, label: 'echo + logprobs, max_tokens 0' },
  { mode: { form: 'echo', maxTokens: 1 }, label: 'echo + logprobs, max_tokens 1' },
  { mode: { form: 'prompt_logprobs' }, label: 'prompt_logprobs' },
];

export function describeMode(mode: LoglikelihoodMode): string {
  return mode.form === 'echo' ? `echo + logprobs, max_tokens ${mode.maxTokens}` : 'prompt_logprobs';
}

async function listModels(client: HttpClient, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
  const { value } = await client.getJson('/models', signal);
  const data = (value as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new HarnessError('BACKEND', `${client.baseUrl}/models did not return a model list ({"data": [...]})`);
  return data.filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null && typeof (m as { id?: unknown }).id === 'string');
}

async function probeLoglikelihood(client: HttpClient, model: string, signal?: AbortSignal): Promise<ProbeResult['loglikelihood']> {
  const reasons: string[] = [];
  for (const { mode, label } of MODES) {
    try {
      const { value } = await client.postJson('/completions', loglikelihoodBody(model, PROBE_TEXT, mode), signal);
      const tokens = parsePromptLogprobs(value, PROBE_TEXT, mode);
      // Every token after the first must have a log-probability (the first has no context).
      if (tokens.logprobs.length >= 2 && tokens.logprobs.slice(1).every((lp) => lp !== null) && tokens.ends.at(-1) === PROBE_TEXT.length) {
        return { ok: true, mode };
      }
      reasons.push(`${label}: the answer lacks per-token log-probabilities of the prompt`);
    } catch (err) {
      // A refusal (4xx) or an answer without log-probabilities means "not supported"; a server that
      // keeps failing (5xx, unreachable, after retries) is a broken server, said as such.
      if (err instanceof HttpCallError && (err.status === undefined || err.status >= 500)) throw err;
      if (!(err instanceof HarnessError) || err.code === 'ABORTED') throw err;
      reasons.push(`${label}: ${err.message}`);
    }
  }
  return { ok: false, reason: `${client.baseUrl}/completions cannot return prompt log-probabilities (${reasons.join('; ')})` };
}

export async function probeServer(client: HttpClient, model: string, signal?: AbortSignal): Promise<ProbeResult> {
  const models = await listModels(client, signal);
  const servedModels = models.map((m) => String(m.id));
  const modelEntry = models.find((m) => m.id === model);
  if (modelEntry === undefined) {
    throw new HarnessError('MODEL_MISSING', `${client.baseUrl} does not serve a model named "${model}"; it serves: ${servedModels.length === 0 ? '(none)' : servedModels.join(', ')}`);
  }
  return { modelEntry, servedModels, loglikelihood: await probeLoglikelihood(client, model, signal) };
}
