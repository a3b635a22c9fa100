// --model SPEC → a Backend: onnx:DIR (or DIR) runs a local model in the worker pool, openai:URL
// talks to an OpenAI-compatible server (FastDeploy, vLLM, SGLang, ernie-eval serve), replay:FILE
// answers from saved outputs. Whatever opens here is ready: sessions loaded, server probed, files parsed.
import { resolve } from 'node:path';
import { UsageError, type Backend, type ModelDtype } from '../core/index.ts';
import { ensureTinyModel, openOpenAiBackend, ReplayBackend } from '../model/index.ts';
import { OnnxPool } from '../runner/index.ts';

export interface BackendChoice {
  backend: Backend;
  /** The local model directory, when there is one (FLOPs model, manifest). */
  modelDir?: string;
  /** One line to tell the user what is answering, when it is not what they named. */
  notice?: string;
}

export interface OpenBackendOptions {
  dtype: ModelDtype;
  workers: number;
  batchSize: number;
  dataDescription: string;
  /** Without --model: use the tiny vision-language model (the run has image tasks). */
  vision?: boolean;
  /** openai: the model name as the server lists it, requests in flight, starts per second, key variable. */
  modelName?: string;
  concurrency?: number;
  requestRate?: number;
  apiKeyEnv?: string;
  signal?: AbortSignal;
}

function splitScheme(spec: string): { scheme: string | undefined; rest: string } {
  const colon = spec.indexOf(':');
  // "C:\models" is a path, not a scheme; so is anything with a slash before the colon.
  if (colon <= 1 || spec.slice(0, colon).includes('/')) return { scheme: undefined, rest: spec };
  return { scheme: spec.slice(0, colon), rest: spec.slice(colon + 1) };
}

async function openPool(dir: string, options: OpenBackendOptions): Promise<OnnxPool> {
  const pool = new OnnxPool(dir, { dtype: options.dtype, workers: options.workers, maxBatchSize: options.batchSize });
  await pool.open();
  return pool;
}

export async function openBackend(spec: string | undefined, options: OpenBackendOptions): Promise<BackendChoice> {
  if (spec === undefined) {
    const tiny = await ensureTinyModel(options.vision === true ? 'ernie4_5_vl' : 'ernie4_5');
    const kind = options.vision === true ? 'ERNIE-4.5-VL-architecture vision-language model' : 'ERNIE-4.5-architecture model';
    return {
      backend: await openPool(tiny.dir, options),
      modelDir: tiny.dir,
      notice: `no --model given: using the embedded default, a tiny ${kind} with random weights (${tiny.built ? 'built now' : 'cached'} at ${tiny.dir}), on ${options.dataDescription}; its scores check the pipeline, not a model (answers capped at 256 tokens unless --max-tokens says otherwise).`,
    };
  }
  const { scheme, rest } = splitScheme(spec);
  if (scheme === undefined || scheme === 'onnx') {
    const dir = resolve(rest);
    return { backend: await openPool(dir, options), modelDir: dir };
  }
  if (scheme === 'replay') return { backend: await ReplayBackend.open(resolve(rest)) };
  if (scheme === 'openai') {
    if (options.modelName === undefined) throw new UsageError(`--model ${spec} needs --model-name NAME (the name the server lists at GET ${rest.replace(/\/+$/, '')}/models)`);
    const backend = await openOpenAiBackend({
      baseUrl: rest,
      model: options.modelName,
      // Unnamed: OPENAI_API_KEY if set, else no key. Named with --api-key-env: it must be set.
      ...(options.apiKeyEnv === undefined ? {} : { apiKeyEnv: options.apiKeyEnv }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.requestRate === undefined ? {} : { requestRate: options.requestRate }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return { backend };
  }
  throw new UsageError(`--model ${spec}: unknown backend "${scheme}"; use onnx:DIR, openai:URL or replay:FILE`);
}
