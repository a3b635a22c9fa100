// From a task spec to the requests of a run: find its data (--data-dir in the official layout, or
// the bundled samples), read it, pick the samples, build each request and its stable key.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, type Message, type RequestBody, type Sample, type TaskData, type TaskRequest, type TaskSpec } from '../core/index.ts';
import { requestKey } from './request-key.ts';
import { selectSamples } from './select-samples.ts';

export interface PreparedItem {
  sample: Sample;
  request: TaskRequest;
  /** The text given to the model, for the record (chat messages shown role by role). */
  promptText: string;
  /** Which of the sample's repeated requests this is (`repeats` > 1, generate only); absent: asked once. */
  repeat?: number;
}

export interface PreparedTask {
  spec: TaskSpec;
  status: 'ready';
  source: 'data-dir' | 'bundled';
  dir: string;
  data: TaskData;
  /** Samples in the data before --limit. */
  available: number;
  items: PreparedItem[];
  /** The run's settings applied to every request, follow-up turns included (absent: none). */
  settings?: RunSettings;
}

/** The run's settings that change a generate request (PrepareOptions' thinking and maxTokens). */
export type RunSettings = Pick<PrepareOptions, 'thinking' | 'maxTokens' | 'temperature'>;

export interface MissingTask {
  spec: TaskSpec;
  status: 'no-data';
  dir: string;
  /** Where to get the data, from the task's spec. */
  hint: string;
}

export interface PrepareOptions {
  dataDir?: string;
  limit?: number;
  /** Thinking mode for every generate request (`--thinking on|off`); undefined leaves each model's default. */
  thinking?: boolean;
  /** Cap on every generation budget (`--max-tokens`): quick checks, not the benchmark's protocol. */
  maxTokens?: number;
  /** Sampling temperature of every generate request (`--temperature`: pass@k needs T > 0). */
  temperature?: number;
  /**
   * Ask every generate request this many times (`--repeats N`, for pass@k and avg@n), with seeds
   * `seed + i`; log-likelihood requests have one answer and are asked once. Default 1.
   */
  repeats?: number;
  /** Base seed of repeated requests (the run's `--seed`); a task's own `params.seed` wins. */
  seed?: number;
}

/** The run's settings that change a generate request: part of its body, so of its key. */
function withRunSettings(body: RequestBody, options: RunSettings): RequestBody {
  if (body.kind !== 'generate') return body;
  const params = { ...body.params };
  if (options.thinking !== undefined && params.thinking === undefined) params.thinking = options.thinking;
  if (options.maxTokens !== undefined) params.maxTokens = Math.min(params.maxTokens, options.maxTokens);
  if (options.temperature !== undefined) params.temperature = options.temperature;
  return { ...body, params };
}

function messagesText(messages: Message[]): string {
  return messages.map((m) => `${m.role}: ${typeof m.content === 'string' ? m.content : m.content.map((p) => (p.type === 'text' ? p.text : '<image>')).join('')}`).join('\n');
}

function promptTextOf(body: RequestBody): string {
  return body.kind === 'loglikelihood' ? body.context : body.prompt.kind === 'text' ? body.prompt.text : messagesText(body.prompt.messages);
}

function makeItem(spec: TaskSpec, sample: Sample, body: RequestBody, repeat: number | undefined): PreparedItem {
  // Content only: identical requests (duplicate questions, shared across tasks) share one answer.
  const request: TaskRequest = { ...body, key: requestKey(body), origin: { task: spec.id, sampleId: sample.id, ...(repeat === undefined ? {} : { repeat }) } };
  return { sample, request, promptText: promptTextOf(body), ...(repeat === undefined ? {} : { repeat }) };
}

/**
 * The next turn of a multi-turn sample (TaskSpec.followUp), as an item with its key, or null when
 * the conversation is over. `first` is the conversation's first turn; `answers` the text of every
 * answer so far. The run's settings apply as to the first turn, and a repeat keeps its seed on
 * every turn, so a conversation is as reproducible (and cacheable) as a single request.
 */
export function followUpItem(task: PreparedTask, first: PreparedItem, answers: readonly string[]): PreparedItem | null {
  const followUp = task.spec.followUp;
  if (followUp === undefined) return null;
  const next = followUp.call(task.spec, first.sample, task.data, answers);
  if (next === null) return null;
  let body = withRunSettings(next, task.settings ?? {});
  const seed = first.request.kind === 'generate' ? first.request.params.seed : undefined;
  if (body.kind === 'generate' && body.params.seed === undefined && seed !== undefined) body = { ...body, params: { ...body.params, seed } };
  return makeItem(task.spec, first.sample, body, first.repeat);
}

export async function prepareTask(spec: TaskSpec, options: PrepareOptions): Promise<PreparedTask | MissingTask> {
  const source = options.dataDir === undefined ? 'bundled' : 'data-dir';
  const dir = options.dataDir === undefined ? spec.data.bundledDir : join(options.dataDir, spec.data.folder);
  if (!existsSync(dir)) return { spec, status: 'no-data', dir, hint: spec.data.download };
  let data: TaskData;
  try {
    data = await spec.load(dir);
  } catch (err) {
    // The folder is there but not the files this task reads (a shared datasets folder may hold
    // another split, or only official outputs): that is missing data, not a broken row.
    if (err instanceof HarnessError && err.code === 'DATA_MISSING') return { spec, status: 'no-data', dir, hint: `${err.message}; ${spec.data.download}` };
    throw err;
  }
  const repeats = options.repeats ?? 1;
  if (!Number.isSafeInteger(repeats) || repeats < 1) throw new HarnessError('USAGE', `repeats must be a positive integer, got ${repeats}`);
  const settings: RunSettings = { ...(options.thinking === undefined ? {} : { thinking: options.thinking }), ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }), ...(options.temperature === undefined ? {} : { temperature: options.temperature }) };
  const items = selectSamples(data.samples, options.limit).flatMap((sample): PreparedItem[] => {
    // Thinking mode and token cap are part of the request (and so of its key): answers given with
    // and without thinking, or cut at another length, are never confused in the cache.
    const body = withRunSettings(spec.buildRequest(sample, data), settings);
    if (body.kind !== 'generate' || repeats === 1) return [makeItem(spec, sample, body, undefined)];
    // The seed is part of the body, so each repeat has its own key: the cache keeps every answer.
    const base = body.params.seed ?? options.seed ?? 0;
    return Array.from({ length: repeats }, (_, i) => makeItem(spec, sample, { ...body, params: { ...body.params, seed: base + i } }, i));
  });
  return { spec, status: 'ready', source, dir, data, available: data.samples.length, items, settings };
}
