// From a task spec to the requests of a run: find its data (--data-dir in the official layout, or
// the bundled samples), read it, pick the samples, build each request and its stable key.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Message, RequestBody, Sample, TaskData, TaskRequest, TaskSpec } from '../core/index.ts';
import { requestKey } from './request-key.ts';
import { selectSamples } from './select-samples.ts';

export interface PreparedItem {
  sample: Sample;
  request: TaskRequest;
  /** The text given to the model, for the record (chat messages shown role by role). */
  promptText: string;
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
}

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
}

/** The run's settings that change a generate request: part of its body, so of its key. */
function withRunSettings(body: RequestBody, options: PrepareOptions): RequestBody {
  if (body.kind !== 'generate') return body;
  const params = { ...body.params };
  if (options.thinking !== undefined && params.thinking === undefined) params.thinking = options.thinking;
  if (options.maxTokens !== undefined) params.maxTokens = Math.min(params.maxTokens, options.maxTokens);
  return { ...body, params };
}

function messagesText(messages: Message[]): string {
  return messages.map((m) => `${m.role}: ${typeof m.content === 'string' ? m.content : m.content.map((p) => (p.type === 'text' ? p.text : '<image>')).join('')}`).join('\n');
}

export async function prepareTask(spec: TaskSpec, options: PrepareOptions): Promise<PreparedTask | MissingTask> {
  const source = options.dataDir === undefined ? 'bundled' : 'data-dir';
  const dir = options.dataDir === undefined ? spec.data.bundledDir : join(options.dataDir, spec.data.folder);
  if (!existsSync(dir)) return { spec, status: 'no-data', dir, hint: spec.data.download };
  const data = await spec.load(dir);
  const items = selectSamples(data.samples, options.limit).map((sample): PreparedItem => {
    // Thinking mode and token cap are part of the request (and so of its key): answers given with
    // and without thinking, or cut at another length, are never confused in the cache.
    const body = withRunSettings(spec.buildRequest(sample, data), options);
    // Content only: identical requests (duplicate questions, shared across tasks) share one answer.
    const key = requestKey(body);
    const request: TaskRequest = { ...body, key, origin: { task: spec.id, sampleId: sample.id } };
    const promptText = body.kind === 'loglikelihood' ? body.context : body.prompt.kind === 'text' ? body.prompt.text : messagesText(body.prompt.messages);
    return { sample, request, promptText };
  });
  return { spec, status: 'ready', source, dir, data, available: data.samples.length, items };
}
