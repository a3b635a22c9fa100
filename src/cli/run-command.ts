// `ernie-eval run`: flags → RunSpec → tasks and data → backend → run loop → record.
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { UsageError, type DatasetRecord, type ModelDtype, type RunSpec, type TaskRecord, type TaskSpec } from '../core/index.ts';
import { cacheRoot, MODEL_DTYPES } from '../model/index.ts';
import { writeResultsCsv } from '../report/index.ts';
import { defaultWorkerCount, runEvaluation } from '../runner/index.ts';
import { parseErrorBudget, type ErrorBudget } from '../runner/error-budget.ts';
import { formatShard, parseShardSpec, selectShard } from '../runner/shard.ts';
import { buildManifest, RecordWriter, ResponseCache, RESPONSE_CACHE_FILE, RESULTS_CSV_FILE, type ReopenedRecord } from '../store/index.ts';
import { loadTask, prepareTask, resolveSuite, type MissingTask, type PreparedTask } from '../task/index.ts';
import { intOption, oneOf, parseCommand, stringOption } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { openBackend } from './open-backend.ts';
import { SERVING_HARDWARE_OPTIONS, servingHardware } from './serving-hardware.ts';
import { RUN_HELP } from './help.ts';
import { formatSummary } from './summary-table.ts';

/** Generation budget of every request when no --model is given (see runCommand). */
const EMBEDDED_MAX_TOKENS = 256;

async function resolveTasks(suite: string | undefined, tasksFlag: string | undefined): Promise<{ specs: TaskSpec[]; defaultLimit?: number; thinking?: boolean }> {
  if ((suite === undefined) === (tasksFlag === undefined)) throw new UsageError('run: give exactly one of --suite NAME or --tasks a,b (see `ernie-eval list`)');
  if (suite !== undefined) {
    const spec = await resolveSuite(suite);
    const specs = await Promise.all(spec.tasks.map((id) => loadTask(id)));
    return { specs, ...(spec.defaultLimit === undefined ? {} : { defaultLimit: spec.defaultLimit }), ...(spec.thinking === undefined ? {} : { thinking: spec.thinking }) };
  }
  const ids = (tasksFlag ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw new UsageError('run: --tasks needs at least one task id');
  return { specs: await Promise.all([...new Set(ids)].map((id) => loadTask(id))) };
}

/** Tasks with a repeated generate request at temperature 0 (the same answer every time). */
function greedyTasks(tasks: readonly PreparedTask[]): string[] {
  return tasks.filter((t) => t.items.some((i) => i.repeat !== undefined && i.request.kind === 'generate' && i.request.params.temperature === 0)).map((t) => t.spec.id);
}

function onnxruntimeVersion(): string | undefined {
  try {
    return (createRequire(import.meta.url)('onnxruntime-node/package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand('run', argv, {
    suite: { type: 'string' },
    tasks: { type: 'string' },
    model: { type: 'string' },
    'model-name': { type: 'string' },
    concurrency: { type: 'string' },
    'request-rate': { type: 'string' },
    'api-key-env': { type: 'string' },
    dtype: { type: 'string' },
    'data-dir': { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string' },
    'batch-size': { type: 'string' },
    'max-errors': { type: 'string' },
    seed: { type: 'string' },
    repeats: { type: 'string' },
    temperature: { type: 'string' },
    thinking: { type: 'string' },
    'max-tokens': { type: 'string' },
    resume: { type: 'string' },
    shard: { type: 'string' },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean' },
    ...SERVING_HARDWARE_OPTIONS,
  });
  if (values['help'] === true) {
    console.log(RUN_HELP);
    return EXIT.ok;
  }
  const dtype = oneOf<ModelDtype>('dtype', values['dtype'], MODEL_DTYPES, 'fp32');
  const dataDirFlag = stringOption(values['data-dir']);
  const dataDir = dataDirFlag === undefined ? undefined : resolve(dataDirFlag);
  const workers = intOption('workers', values['workers'], { min: 1 }) ?? defaultWorkerCount();
  const batchSize = intOption('batch-size', values['batch-size'], { min: 1 }) ?? 8;
  const maxErrorsFlag = stringOption(values['max-errors']);
  const errorBudget: ErrorBudget | undefined = maxErrorsFlag === undefined ? undefined : parseErrorBudget(maxErrorsFlag);
  const shardFlag = stringOption(values['shard']);
  const shard = shardFlag === undefined ? undefined : parseShardSpec(shardFlag);
  const resumeFlag = stringOption(values['resume']);
  const cacheFlag = stringOption(values['cache']);
  if (cacheFlag !== undefined && values['no-cache'] === true) throw new UsageError('run: give at most one of --cache FILE and --no-cache');
  const seed = intOption('seed', values['seed']) ?? 1234;
  const repeats = intOption('repeats', values['repeats'], { min: 1 }) ?? 1;
  const temperatureFlag = stringOption(values['temperature']);
  const temperature = temperatureFlag === undefined ? undefined : Number(temperatureFlag);
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 2)) throw new UsageError(`--temperature must be a number from 0 to 2, got "${temperatureFlag}"`);
  const suite = stringOption(values['suite']);
  const { specs, defaultLimit, thinking: suiteThinking } = await resolveTasks(suite, stringOption(values['tasks']));
  const limit = intOption('limit', values['limit'], { min: 1 }) ?? defaultLimit;
  const thinkingFlag = values['thinking'] === undefined ? undefined : oneOf('thinking', values['thinking'], ['on', 'off'] as const, 'on');
  const thinking = thinkingFlag === undefined ? suiteThinking : thinkingFlag === 'on';
  const modelFlag = stringOption(values['model']);
  // The embedded default's random weights almost never stop on their own: without a cap its runs
  // would spend minutes generating 4,096-token noise. Its scores mean nothing either way.
  const maxTokens = intOption('max-tokens', values['max-tokens'], { min: 1 }) ?? (modelFlag === undefined ? EMBEDDED_MAX_TOKENS : undefined);

  // Data first: a missing folder is reported with where to get it; bad rows stop the run here.
  const prepared: PreparedTask[] = [];
  const missing: MissingTask[] = [];
  for (const spec of specs) {
    const task = await prepareTask(spec, { ...(dataDir === undefined ? {} : { dataDir }), ...(limit === undefined ? {} : { limit }), ...(thinking === undefined ? {} : { thinking }), ...(maxTokens === undefined ? {} : { maxTokens }), ...(temperature === undefined ? {} : { temperature }), repeats, seed });
    if (task.status === 'ready') prepared.push(task);
    else missing.push(task);
  }
  for (const m of missing) console.error(`ernie-eval: ${m.spec.id}: no data at ${m.dir} — ${m.hint}`);
  if (prepared.length === 0) throw new UsageError('run: none of the requested tasks has data; nothing to run', 'USAGE');
  const greedy = repeats > 1 ? greedyTasks(prepared) : [];
  if (greedy.length > 0) console.error(`ernie-eval: --repeats ${repeats}: ${greedy.join(', ')} decode greedily (temperature 0): the ${repeats} answers to a sample will be identical, and pass@k equals pass@1`);

  // The embedded default for a run with image tasks is the tiny vision-language model.
  const needsImages = prepared.some((t) => t.spec.requires.includes('images'));
  const efficiency = servingHardware(values);
  const runSpec: RunSpec = {
    tasks: specs.map((s) => s.id),
    ...(suite === undefined ? {} : { suite }),
    model: modelFlag ?? (needsImages ? 'embedded:tiny-ernie4_5_vl' : 'embedded:tiny-ernie4_5'),
    dtype,
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(limit === undefined ? {} : { limit }),
    seed,
    workers,
    outDir: resolve(stringOption(values['out']) ?? 'reports'),
    ...(errorBudget?.kind === 'count' ? { maxErrors: errorBudget.max } : {}),
    ...(errorBudget?.kind === 'rate' ? { maxErrorRate: errorBudget.max } : {}),
    ...(shard === undefined ? {} : { shard }),
    ...(thinking === undefined ? {} : { thinking }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(repeats === 1 ? {} : { repeats }),
    ...(temperature === undefined ? {} : { temperature }),
  };
  const work = selectShard(prepared, shard);
  if (shard !== undefined) console.error(`ernie-eval: shard ${formatShard(shard)}: ${work.reduce((n, t) => n + t.items.length, 0)} of ${prepared.reduce((n, t) => n + t.items.length, 0)} samples`);
  const concurrency = intOption('concurrency', values['concurrency'], { min: 1 });
  const rate = stringOption(values['request-rate']);
  const requestRate = rate === undefined ? undefined : Number(rate);
  if (requestRate !== undefined && !(requestRate > 0)) throw new UsageError(`--request-rate must be a positive number of requests per second, got "${rate}"`);
  const modelName = stringOption(values['model-name']);
  const apiKeyEnv = stringOption(values['api-key-env']);
  const { backend, notice } = await openBackend(modelFlag, {
    dtype,
    workers,
    batchSize,
    dataDescription: dataDir ?? 'the bundled sample items',
    vision: needsImages,
    ...(modelName === undefined ? {} : { modelName }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(requestRate === undefined ? {} : { requestRate }),
    ...(apiKeyEnv === undefined ? {} : { apiKeyEnv }),
  });
  if (notice !== undefined) console.error(`ernie-eval: ${notice}`);
  const interrupt = new AbortController();
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(EXIT.interrupted); // second Ctrl-C: leave now
    console.error('\nernie-eval: interrupted; finishing the record with what is done (Ctrl-C again to quit at once)');
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  // Replayed answers cost nothing to recompute: the cache is for inference only.
  const cache = values['no-cache'] === true || backend.info.kind === 'replay' ? undefined : ResponseCache.open(resolve(cacheFlag ?? join(cacheRoot(), RESPONSE_CACHE_FILE)));
  try {
    const datasets: Record<string, DatasetRecord> = {};
    const tasks: Record<string, TaskRecord> = {};
    for (const t of prepared) {
      datasets[t.spec.id] = { source: t.source, dir: t.dir, files: t.data.files };
      tasks[t.spec.id] = { version: t.spec.version, protocol: t.spec.protocol };
    }
    const ortVersion = onnxruntimeVersion();
    const manifest = await buildManifest({ runSpec, model: backend.info, datasets, tasks, ...(ortVersion === undefined ? {} : { onnxruntimeVersion: ortVersion }) });
    let runDir = join(runSpec.outDir, manifest.runId);
    let reopened: ReopenedRecord | undefined;
    if (resumeFlag !== undefined) {
      runDir = resolve(resumeFlag);
      reopened = await RecordWriter.reopen(runDir, { runSpecHash: manifest.runSpecHash, fingerprint: backend.info.fingerprint });
      if (reopened.dropped !== null) console.error(`ernie-eval: ${reopened.dropped}`);
    }
    const writer = reopened?.writer ?? (await RecordWriter.open(runDir, manifest));
    let output;
    try {
      output = await runEvaluation({
        tasks: work,
        backend,
        writer,
        signal: interrupt.signal,
        ...(errorBudget === undefined ? {} : { errorBudget }),
        ...(efficiency === undefined ? {} : { efficiency }),
        ...(reopened === undefined ? {} : { resumed: reopened.samples }),
        ...(cache === undefined ? {} : { cache: cache.bind(backend.info.fingerprint) }),
        onPlan: ({ fromRecord, fromCache, toCompute }) => {
          if (fromRecord + fromCache > 0) console.error(`ernie-eval: ${fromRecord} samples from the record, ${fromCache} from the response cache, ${toCompute} to compute`);
        },
      });
    } finally {
      await writer.close();
    }
    await writeResultsCsv(join(runDir, RESULTS_CSV_FILE), output.results);
    console.log(formatSummary(output.results, prepared));
    console.log(`Record: ${runDir}`);
    if (output.results.status === 'interrupted') return EXIT.interrupted;
    if (output.results.status === 'aborted') {
      console.error(`ernie-eval: run aborted: ${output.stopReason ?? 'unknown reason'}`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } finally {
    process.off('SIGINT', onSigint);
    cache?.close();
    await backend.close();
  }
}
