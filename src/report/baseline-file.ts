// Baseline files: `{source, entries}` JSON, the format of ../shared/baselines (see
// baselines/SOURCES.md). The project's own files live in baselines/ at the repository root; a user
// adds theirs (e.g. their previous release) in the same format with `report --baselines FILE`.
// Every file is validated on load: a bad one fails with the file and the field, never silently.
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../core/index.ts';
import { parseSetting } from './baseline-setting.ts';
import type { BaselineEntry, BaselineScale } from './report-model.ts';

/** The project's baselines folder (repository root), found from this module's location. */
export const DEFAULT_BASELINES_DIR = fileURLToPath(new URL('../../baselines/', import.meta.url));
export const TASK_MAP_FILE = 'task-map.json';

/** Benchmark name (as printed) → task id and the metric it is compared with. */
export interface TaskMap {
  byBenchmark: Map<string, { taskId: string; metric: string | undefined; subset?: string }>;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DataError(file, undefined, missing ? 'baseline file not found' : `cannot read: ${(err as Error).message}`, { code: missing ? 'DATA_MISSING' : 'DATA_MALFORMED', cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DataError(file, undefined, `not valid JSON (${(err as Error).message})`, { cause: err });
  }
}

function str(file: string, o: Obj, field: string, where: string, optional = false): string | undefined {
  const v = o[field];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || (!optional && v.trim() === '')) throw new DataError(file, undefined, `${where}.${field}: must be a non-empty string`);
  return v;
}

const SCALES: readonly BaselineScale[] = ['percent', 'fraction', 'permille', 'other'];

/**
 * The scale a number is printed on when the entry does not say: fractions are marked in the
 * metric ("accuracy (fraction)"); Elo ratings, bits-per-byte and the 0-10 / 0-1000 / 0-3 scales
 * listed in SOURCES.md "Scales" are not comparable with a fraction; everything else is percent.
 */
export function inferScale(benchmark: string, metric: string): BaselineScale {
  if (/fraction/i.test(metric)) return 'fraction';
  if (/\b(elo|rating|bpb|bits)\b/i.test(metric) || /rating|Pile-test|AlignBench|WritingBench|MMBench-Video|Codeforces|CodeForces|Arena-Hard/i.test(benchmark)) return 'other';
  // OCRBench prints correct answers out of its 1,000 questions: our accuracy × 1000.
  if (/^OCRBench$/i.test(benchmark) || /0-1000 scale/.test(metric)) return 'permille';
  if (/\(0-1000\)/.test(benchmark)) return 'other';
  return 'percent';
}

export async function loadTaskMap(file = join(DEFAULT_BASELINES_DIR, TASK_MAP_FILE)): Promise<TaskMap> {
  const raw = await readJsonFile(file);
  if (!isObj(raw) || !isObj(raw.tasks)) throw new DataError(file, undefined, 'tasks: must be an object of task id → {benchmarks, metric?}');
  const byBenchmark = new Map<string, { taskId: string; metric: string | undefined; subset?: string }>();
  for (const [taskId, spec] of Object.entries(raw.tasks)) {
    const where = `tasks.${taskId}`;
    if (!isObj(spec) || !Array.isArray(spec.benchmarks)) throw new DataError(file, undefined, `${where}.benchmarks: must be an array of names`);
    const metric = str(file, spec, 'metric', where, true);
    // Optional: benchmark name → the task's subset it measures (AIME'24 is the aime24 subset of aime).
    const subsets = spec.subsets ?? {};
    if (!isObj(subsets) || !Object.values(subsets).every((v) => typeof v === 'string')) throw new DataError(file, undefined, `${where}.subsets: must map benchmark names to subset names`);
    for (const name of Object.keys(subsets)) if (!spec.benchmarks.includes(name)) throw new DataError(file, undefined, `${where}.subsets: "${name}" is not among its benchmarks`);
    spec.benchmarks.forEach((b, i) => {
      if (typeof b !== 'string') throw new DataError(file, undefined, `${where}.benchmarks[${i}]: must be a string`);
      const prior = byBenchmark.get(b);
      if (prior !== undefined) throw new DataError(file, undefined, `${where}.benchmarks[${i}]: "${b}" is already mapped to ${prior.taskId}`);
      const subset = (subsets as Record<string, string>)[b];
      byBenchmark.set(b, { taskId, metric, ...(subset === undefined ? {} : { subset }) });
    });
  }
  return { byBenchmark };
}

/** Load and validate one `{source, entries}` file. */
export async function loadBaselineFile(file: string, taskMap: TaskMap): Promise<BaselineEntry[]> {
  const path = resolve(file);
  const raw = await readJsonFile(path);
  if (!isObj(raw)) throw new DataError(path, undefined, 'must be a JSON object {source, entries}');
  if (!isObj(raw.source)) throw new DataError(path, undefined, 'source: must be an object {title, url_or_repo, path, status, ...}');
  const s = raw.source;
  const source = {
    title: str(path, s, 'title', 'source') as string,
    url: str(path, s, 'url_or_repo', 'source') as string,
    path: str(path, s, 'path', 'source', true) ?? '',
    status: str(path, s, 'status', 'source', true) ?? 'user',
    file: path,
  };
  if (!Array.isArray(raw.entries)) throw new DataError(path, undefined, 'entries: must be an array');
  return raw.entries.map((e: unknown, i: number): BaselineEntry => {
    const where = `entries[${i}]`;
    if (!isObj(e)) throw new DataError(path, undefined, `${where}: must be an object`);
    const benchmark = str(path, e, 'benchmark', where) as string;
    const metric = str(path, e, 'metric', where) as string;
    const setting = str(path, e, 'setting', where) as string;
    if (typeof e.value !== 'number' || !Number.isFinite(e.value)) throw new DataError(path, undefined, `${where}.value: must be a finite number (as printed by the source)`);
    const scale = str(path, e, 'scale', where, true);
    if (scale !== undefined && !SCALES.includes(scale as BaselineScale)) throw new DataError(path, undefined, `${where}.scale: must be one of ${SCALES.join(', ')}`);
    const task = str(path, e, 'task', where, true);
    const mapped = task === undefined ? taskMap.byBenchmark.get(benchmark) : undefined;
    return {
      model: str(path, e, 'model', where) as string,
      benchmark,
      taskId: task ?? mapped?.taskId ?? null,
      ...(mapped?.subset === undefined ? {} : { subset: mapped.subset }),
      metric,
      setting,
      parsedSetting: parseSetting(setting),
      value: e.value,
      scale: (scale as BaselineScale | undefined) ?? inferScale(benchmark, metric),
      source: { ...source, table: str(path, e, 'table', where, true) ?? '' },
      notes: str(path, e, 'notes', where, true) ?? '',
    };
  });
}

/** Every `*.json` baseline file of a folder (the task map excluded), in name order. */
export async function baselineFilesIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && n !== TASK_MAP_FILE).sort();
  return names.map((n) => join(dir, n));
}

/** The project's baselines plus any user files, validated, in load order. */
export async function loadBaselines(options: { dir?: string; extraFiles?: readonly string[]; taskMap?: TaskMap } = {}): Promise<BaselineEntry[]> {
  const dir = options.dir ?? DEFAULT_BASELINES_DIR;
  const taskMap = options.taskMap ?? (await loadTaskMap(join(dir, TASK_MAP_FILE)));
  const files = [...(await baselineFilesIn(dir)), ...(options.extraFiles ?? [])];
  const out: BaselineEntry[] = [];
  for (const f of files) out.push(...(await loadBaselineFile(f, taskMap)));
  return out;
}
