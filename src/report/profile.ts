// A run profile (runners/nightly/profile.json): which suites a scheduled job runs, with what
// limits, the gates a run must pass, and the thresholds `compare` applies. Validated on load: a
// CI job with a typo in its profile must fail loudly, not run without its gates.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError } from '../core/index.ts';

/** A gate on one task (or every task with `task: "*"`). */
export interface Gate {
  task: string;
  /** Metric the `min` applies to; default the task's primary metric. */
  metric?: string;
  /** The metric (fraction scale) must be at least this. */
  min?: number;
  /** Errored samples / total must be at most this. */
  maxErrorRate?: number;
}

export interface RunProfile {
  file: string;
  name: string;
  suites: string[];
  /** Samples per task (run --limit); absent: the whole dataset. */
  limit?: number;
  gates: Gate[];
  compare: { maxDropPoints: number; alpha: number };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(file: string, o: Obj, field: string, where: string, range: [number, number]): number | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < range[0] || v > range[1]) throw new DataError(file, undefined, `${where}.${field}: must be a number in [${range[0]}, ${range[1]}]`);
  return v;
}

export function parseProfile(raw: unknown, file: string): RunProfile {
  if (!isObj(raw)) throw new DataError(file, undefined, 'must be a JSON object');
  const name = raw.name;
  if (typeof name !== 'string' || name === '') throw new DataError(file, undefined, 'name: must be a non-empty string');
  const suites = raw.suites;
  if (!Array.isArray(suites) || suites.length === 0 || !suites.every((s) => typeof s === 'string')) throw new DataError(file, undefined, 'suites: must be a non-empty array of suite names');
  const limit = num(file, raw, 'limit', 'profile', [1, Number.MAX_SAFE_INTEGER]);
  if (limit !== undefined && !Number.isInteger(limit)) throw new DataError(file, undefined, 'profile.limit: must be an integer');
  const gatesRaw = raw.gates ?? [];
  if (!Array.isArray(gatesRaw)) throw new DataError(file, undefined, 'gates: must be an array');
  const gates = gatesRaw.map((g: unknown, i: number): Gate => {
    const where = `gates[${i}]`;
    if (!isObj(g) || typeof g.task !== 'string' || g.task === '') throw new DataError(file, undefined, `${where}.task: must be a task id or "*"`);
    if (g.metric !== undefined && typeof g.metric !== 'string') throw new DataError(file, undefined, `${where}.metric: must be a string`);
    const min = num(file, g, 'min', where, [0, 1]);
    const maxErrorRate = num(file, g, 'maxErrorRate', where, [0, 1]);
    if (min === undefined && maxErrorRate === undefined) throw new DataError(file, undefined, `${where}: needs "min" or "maxErrorRate"`);
    return { task: g.task, ...(typeof g.metric === 'string' ? { metric: g.metric } : {}), ...(min === undefined ? {} : { min }), ...(maxErrorRate === undefined ? {} : { maxErrorRate }) };
  });
  const c = raw.compare ?? {};
  if (!isObj(c)) throw new DataError(file, undefined, 'compare: must be an object {maxDropPoints, alpha}');
  return {
    file,
    name,
    suites: suites as string[],
    ...(limit === undefined ? {} : { limit }),
    gates,
    compare: { maxDropPoints: num(file, c, 'maxDropPoints', 'compare', [0, 100]) ?? 1.0, alpha: num(file, c, 'alpha', 'compare', [0, 1]) ?? 0.05 },
  };
}

export async function loadProfile(file: string): Promise<RunProfile> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new DataError(path, undefined, `cannot read profile: ${(err as Error).message}`, { code: 'DATA_MISSING', cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DataError(path, undefined, `not valid JSON (${(err as Error).message})`, { cause: err });
  }
  return parseProfile(raw, path);
}
