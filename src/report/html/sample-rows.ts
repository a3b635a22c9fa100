// The per-sample browser's data: each SampleResult reduced to what a reader looks at, in a
// compact form that keeps report.html small enough for 100,000 samples. Rows are arrays (field
// names repeated 100,000 times would be a large share of the file), and the few-shot prefix that
// most prompts share is stored once in `prefixes` and referenced by index.
import type { ResultsFile, SampleResult } from '../../core/index.ts';

/** Positions in a row; `browser-app.js` reads rows with the same indices (ROW there). */
export const ROW = {
  task: 0,
  sampleId: 1,
  subset: 2,
  status: 3,
  prefix: 4,
  promptRest: 5,
  output: 6,
  thinking: 7,
  extracted: 8,
  target: 9,
  error: 10,
} as const;

export type SampleStatus = 'correct' | 'wrong' | 'error';
const STATUS_CODE: Record<SampleStatus, number> = { correct: 0, wrong: 1, error: 2 };

/** [task index, sampleId, subset, status code, prefix index, rest of prompt, output, thinking, extracted, target, error]. */
export type BrowserRow = [number, string, string, number, number, string, string, string, string, string, string];

export interface BrowserData {
  tasks: string[];
  /** Shared prompt prefixes; index 0 is the empty prefix. */
  prefixes: string[];
  rows: BrowserRow[];
}

/**
 * Which metric decides "correct" for a task: the primary metric of results.json. A record whose
 * run never finished has no results.json; then the sample's first metric stands in.
 */
export function primaryMetrics(results: ResultsFile | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const [task, r] of Object.entries(results?.tasks ?? {})) map.set(task, r.primaryMetric);
  return map;
}

export function sampleStatus(sample: SampleResult, primary: string | undefined): SampleStatus {
  if (sample.error !== undefined) return 'error';
  const values = sample.score?.values ?? {};
  const metric = primary ?? Object.keys(values)[0];
  return metric !== undefined && values[metric] === 1 ? 'correct' : 'wrong';
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function argmax(values: number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || (values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/** What the model said: generated text, or for log-likelihood tasks each choice with its log-probability. */
export function sampleOutput(sample: SampleResult): string {
  const c = sample.completion;
  if (c === undefined) return '';
  if (c.text !== undefined) return c.text;
  const logprobs = c.logprobs ?? [];
  if (logprobs.length === 0) return '';
  const chosen = argmax(logprobs);
  return logprobs
    .map((lp, i) => `${LETTERS[i] ?? String(i)}. ${sample.choices?.[i] ?? ''}  (log-likelihood ${lp.toFixed(4)})${i === chosen ? '  ← highest' : ''}`)
    .join('\n');
}

/** The extracted answer(s): the scorer's per-filter extraction, or the highest-scoring choice's letter. */
export function sampleExtracted(sample: SampleResult): string {
  const extracted = sample.score?.extracted;
  if (extracted !== undefined && Object.keys(extracted).length > 0) {
    const entries = Object.entries(extracted);
    if (entries.length === 1) return entries[0]?.[1] ?? '(none)';
    return entries.map(([filter, v]) => `${filter}: ${v ?? '(none)'}`).join('; ');
  }
  const logprobs = sample.completion?.logprobs;
  if (logprobs !== undefined && logprobs.length > 0) return LETTERS[argmax(logprobs)] ?? '';
  return '';
}

/**
 * The record keeps an image in the prompt as "<image>"; the reader sees which image it was: its
 * size, what the model got of it and the hash that pins the exact pixels (or bytes) it saw.
 */
export function describeImages(prompt: string, images: SampleResult['images']): string {
  if (images === undefined || images.length === 0) return prompt;
  let k = 0;
  return prompt.replace(/<image>/g, (tag) => {
    const d = images[k++];
    if (d === undefined) return tag;
    const resized = d.resizedWidth === undefined || d.resizedHeight === undefined ? '' : ` → ${d.resizedWidth}×${d.resizedHeight}`;
    const tokens = d.tokens === undefined ? '' : `, ${d.tokens} tokens`;
    return `<image ${k}: ${d.width}×${d.height}${resized}${tokens}, ${d.of} sha256 ${d.sha256.slice(0, 16)}…>`;
  });
}

/** Split where the few-shot examples end (the last blank line), so shared prefixes are stored once. */
export function splitPrompt(prompt: string): [string, string] {
  const cut = prompt.lastIndexOf('\n\n');
  return cut < 0 ? ['', prompt] : [prompt.slice(0, cut + 2), prompt.slice(cut + 2)];
}

export function buildBrowserData(samples: Iterable<SampleResult>, results: ResultsFile | null): BrowserData {
  const primary = primaryMetrics(results);
  const taskIndex = new Map<string, number>();
  const prefixIndex = new Map<string, number>([['', 0]]);
  const data: BrowserData = { tasks: [], prefixes: [''], rows: [] };
  for (const s of samples) {
    let t = taskIndex.get(s.task);
    if (t === undefined) {
      t = data.tasks.length;
      taskIndex.set(s.task, t);
      data.tasks.push(s.task);
    }
    const [prefix, rest] = splitPrompt(describeImages(s.prompt, s.images));
    let p = prefixIndex.get(prefix);
    if (p === undefined) {
      p = data.prefixes.length;
      prefixIndex.set(prefix, p);
      data.prefixes.push(prefix);
    }
    const error = s.error === undefined ? '' : `${s.error.code}: ${s.error.message}`;
    data.rows.push([t, s.sampleId, s.subset ?? '', STATUS_CODE[sampleStatus(s, primary.get(s.task))], p, rest, sampleOutput(s), s.completion?.reasoning ?? '', sampleExtracted(s), s.target, error]);
  }
  return data;
}
