// `ernie-eval serve`: an OpenAI-compatible server in front of a local ONNX model and its worker
// pool, until SIGINT/SIGTERM (then: stop accepting, finish what is in flight, destroy the pool).
import { basename, resolve } from 'node:path';
import { UsageError, type ModelDtype } from '../core/index.ts';
import { MODEL_DTYPES } from '../model/index.ts';
import { OnnxPool, defaultWorkerCount } from '../runner/index.ts';
import { startServer } from '../serve/index.ts';
import { intOption, oneOf, parseCommand, stringOption } from './args.ts';
import { EXIT } from './exit-codes.ts';

export const SERVE_HELP = `Usage: ernie-eval serve --model onnx:DIR [options]

Serves a local ONNX model through the OpenAI API, for any OpenAI client:
  POST /v1/chat/completions   chat, rendered with the model's chat template; stream: true sends
                              SSE chunks (stream_options.include_usage adds a usage chunk);
                              chat_template_kwargs.enable_thinking switches thinking
  POST /v1/completions        text continuation, or with echo: true + logprobs: 1 + max_tokens: 0
                              the log-probability of every prompt token (log-likelihood tasks)
  GET  /v1/models, GET /health
Requests that arrive together share forward passes (batched per worker).

Options:
  --model SPEC        onnx:DIR (or just DIR): a Hugging Face style ONNX model directory
  --dtype D           fp32 | fp16 | q8 | q4 (default fp32)
  --host H            address to listen on (default 127.0.0.1; 0.0.0.0 exposes it to the network)
  --port P            port (default 8000; 0 picks a free one)
  --workers N         worker threads, each with its own ONNX session (default: CPU count, max 4)
  --batch-size N      most requests per forward batch (default 8)
  --batch-window-ms T how long a request waits for others to batch with (default 5)
  --max-tokens N      max_tokens of a chat request that sets none (default 256)
  --model-name NAME   the name /v1/models lists and requests use (default: the model folder's name)
  --debug             also serve GET /debug/requests: server-side timestamps of recent requests
  -h, --help          this help`;

function modelDirOf(spec: string): string {
  const colon = spec.indexOf(':');
  const scheme = colon > 1 ? spec.slice(0, colon) : undefined; // "C:\..." is a path, not a scheme
  if (scheme === undefined) return spec;
  if (scheme === 'onnx') return spec.slice(colon + 1);
  throw new UsageError(`serve --model ${spec}: only local ONNX models are served (onnx:DIR)`);
}

/** `stop` ends the server as SIGINT/SIGTERM do (tests use it). */
export async function serveCommand(argv: string[], stop?: AbortSignal): Promise<number> {
  const { values } = parseCommand('serve', argv, {
    model: { type: 'string' },
    dtype: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    workers: { type: 'string' },
    'batch-size': { type: 'string' },
    'batch-window-ms': { type: 'string' },
    'max-tokens': { type: 'string' },
    'model-name': { type: 'string' },
    debug: { type: 'boolean' },
  });
  if (values['help'] === true) {
    console.log(SERVE_HELP);
    return EXIT.ok;
  }
  const modelFlag = stringOption(values['model']);
  if (modelFlag === undefined) throw new UsageError('serve: --model onnx:DIR is required');
  const modelDir = resolve(modelDirOf(modelFlag));
  const dtype = oneOf<ModelDtype>('dtype', values['dtype'], MODEL_DTYPES, 'fp32');
  const port = intOption('port', values['port']) ?? 8000;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const workers = intOption('workers', values['workers'], { min: 1 }) ?? defaultWorkerCount();
  const batchSize = intOption('batch-size', values['batch-size'], { min: 1 }) ?? 8;
  const windowMs = intOption('batch-window-ms', values['batch-window-ms']) ?? 5;
  const maxTokens = intOption('max-tokens', values['max-tokens'], { min: 1 }) ?? 256;

  const pool = new OnnxPool(modelDir, { dtype, workers, maxBatchSize: batchSize });
  await pool.open();
  let server;
  try {
    server = await startServer({
      backend: pool,
      modelName: stringOption(values['model-name']) ?? basename(modelDir),
      acceptsImages: pool.capabilities.images,
      host: stringOption(values['host']) ?? '127.0.0.1',
      port,
      debug: values['debug'] === true,
      batchWindowMs: windowMs,
      defaultMaxTokens: maxTokens,
    });
  } catch (err) {
    await pool.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`serve: cannot listen on port ${port} (${code})`);
    throw err;
  }
  console.log(`Serving ${basename(modelDir)} (${workers} worker${workers === 1 ? '' : 's'}, batches of up to ${batchSize}) at ${server.url}`);

  await new Promise<void>((done) => {
    const finish = () => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      stop?.removeEventListener('abort', finish);
      done();
    };
    process.on('SIGINT', finish);
    process.on('SIGTERM', finish);
    if (stop?.aborted === true) finish();
    else stop?.addEventListener('abort', finish, { once: true });
  });
  console.error('ernie-eval: serve: stopping; finishing requests in flight');
  try {
    await server.close();
  } finally {
    await pool.close();
  }
  return EXIT.ok;
}
