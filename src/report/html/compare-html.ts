// compare.html: two runs side by side (item 3 of issue 7): per task the paired difference with
// its interval, p-value and verdict; efficiency deltas; and the flipped samples (right in one run,
// wrong in the other) with both outputs, in the same virtual-scrolling browser as report.html.
import type { SampleResult } from '../../core/index.ts';
import type { RunRecord } from '../../store/index.ts';
import { writeFileAtomic } from '../../store/index.ts';
import type { CompareResult, EfficiencyDelta } from '../report-model.ts';
import type { BrowserLayout, BrowserPayload } from './browser-layout.ts';
import { escapeHtml } from './escape.ts';
import { num, pct, signed } from './format.ts';
import { table, type Cell } from './html-table.ts';
import { browserSection, pageHtml } from './page-shell.ts';
import { describeImages, sampleExtracted, sampleOutput, splitPrompt } from './sample-rows.ts';

export interface CompareHtmlOptions {
  outFile: string;
}

const C = { task: 0, id: 1, subset: 2, status: 3, prefix: 4, promptRest: 5, target: 6, baseOutput: 7, newOutput: 8, baseExtracted: 9, newExtracted: 10, baseThinking: 11, newThinking: 12 } as const;

export const FLIP_LAYOUT: BrowserLayout = {
  task: C.task,
  id: C.id,
  status: C.status,
  statuses: ['fixed', 'broken'],
  list: [
    { label: 'target', index: C.target },
    { label: 'base answer', index: C.baseExtracted },
    { label: 'new answer', index: C.newExtracted },
  ],
  detail: [
    { label: 'prompt', index: C.promptRest, prefixIndex: C.prefix },
    { label: 'target', index: C.target },
    { label: 'base: extracted answer', index: C.baseExtracted },
    { label: 'new: extracted answer', index: C.newExtracted },
    { label: 'base: output', index: C.baseOutput },
    { label: 'new: output', index: C.newOutput },
    { label: 'base: thinking', index: C.baseThinking },
    { label: 'new: thinking', index: C.newThinking },
  ],
  search: [C.id, C.subset, C.promptRest, C.target, C.baseOutput, C.newOutput, C.baseExtracted, C.newExtracted],
};

function byKey(samples: SampleResult[]): Map<string, SampleResult> {
  return new Map(samples.map((s) => [`${s.task}\u0000${s.sampleId}`, s]));
}

function flippedPayload(base: RunRecord, next: RunRecord, compare: CompareResult): BrowserPayload {
  const baseSamples = byKey(base.samples);
  const newSamples = byKey(next.samples);
  const tasks: string[] = [];
  const prefixes = [''];
  const prefixIndex = new Map([['', 0]]);
  const rows: unknown[][] = [];
  for (const t of compare.tasks) {
    const ti = tasks.push(t.taskId) - 1;
    for (const f of t.flipped) {
      const b = baseSamples.get(`${t.taskId}\u0000${f.sampleId}`);
      const n = newSamples.get(`${t.taskId}\u0000${f.sampleId}`);
      const shown = n ?? b;
      const [prefix, rest] = splitPrompt(describeImages(shown?.prompt ?? '', shown?.images));
      let p = prefixIndex.get(prefix);
      if (p === undefined) {
        p = prefixes.push(prefix) - 1;
        prefixIndex.set(prefix, p);
      }
      rows.push([ti, f.sampleId, n?.subset ?? b?.subset ?? '', f.direction === 'fixed' ? 0 : 1, p, rest, n?.target ?? b?.target ?? '', b === undefined ? '' : sampleOutput(b), n === undefined ? '' : sampleOutput(n), b === undefined ? '' : sampleExtracted(b), n === undefined ? '' : sampleExtracted(n), b?.completion?.reasoning ?? '', n?.completion?.reasoning ?? '']);
    }
  }
  return { layout: FLIP_LAYOUT, tasks, prefixes, rows };
}

function efficiencyRows(deltas: EfficiencyDelta[]): Cell[][] {
  return deltas.map((d) => [d.name, num(d.base), num(d.new), num(d.diff), d.relative === null ? null : { html: `<span class="${(d.relative >= 0) === d.higherIsBetter ? 'better' : 'worse'}">${escapeHtml(signed(d.relative * 100, 1, '%'))}</span>` }]);
}

export function renderCompareHtml(base: RunRecord, next: RunRecord, compare: CompareResult): string {
  const verdict = compare.regressed ? '<strong class="worse">regressed</strong>' : '<strong class="better">no regression</strong>';
  const header = `<header><h1>ernie-eval compare: ${escapeHtml(compare.base.runId)} → ${escapeHtml(compare.new.runId)}</h1>
<p>${verdict} · ${escapeHtml(`base ${compare.base.model} (${compare.base.createdAt}) · new ${compare.new.model} (${compare.new.createdAt}) · a drop of more than ${compare.thresholds.maxDropPoints} points significant at α = ${compare.thresholds.alpha} is a regression`)}</p>
<nav><a href="#summary">Tasks</a><a href="#efficiency">Efficiency</a><a href="#samples">Flipped samples</a></nav></header>`;
  const taskRows: Cell[][] = compare.tasks.map((t) => [
    t.taskId,
    t.metric,
    pct(t.base),
    pct(t.new),
    { html: `<span class="${(t.diff >= 0) === t.higherIsBetter ? 'better' : 'worse'}">${escapeHtml(signed(t.diff * 100, 1, ' pts'))}</span>` },
    `[${(t.ci95[0] * 100).toFixed(1)}, ${(t.ci95[1] * 100).toFixed(1)}]`,
    t.pValue.toPrecision(3),
    `${t.method}, n = ${t.nShared}${t.onlyInBase + t.onlyInNew > 0 ? ` (${t.onlyInBase} only in base, ${t.onlyInNew} only in new)` : ''}`,
    { html: `<strong class="${t.verdict === 'regressed' ? 'worse' : t.verdict === 'improved' ? 'better' : ''}">${escapeHtml(t.verdict)}</strong>` },
    t.reason,
    `${t.flipped.filter((f) => f.direction === 'fixed').length} fixed, ${t.flipped.filter((f) => f.direction === 'broken').length} broken${t.flippedOmitted > 0 ? ` (+${t.flippedOmitted} not listed)` : ''}`,
  ]);
  const unmatched =
    (compare.unmatchedTasks.length === 0 ? '' : `<p class="note">${escapeHtml(`Not compared (in one run only): ${compare.unmatchedTasks.map((u) => `${u.taskId} (${u.in})`).join(', ')}`)}</p>`) +
    compare.notPaired.map((u) => `<p class="note">${escapeHtml(`Not compared: ${u.reason}`)}</p>`).join('');
  const body = [
    `<section id="summary"><h2>Tasks</h2>${table(['task', 'metric', 'base', 'new', 'difference', '95% CI (pts)', 'p-value', 'test', 'verdict', 'why', 'flipped'], taskRows, { id: 'compare-table', numericFrom: 2 })}${unmatched}</section>`,
    `<section id="efficiency"><h2>Efficiency (whole run)</h2>${table(['figure', 'base', 'new', 'new − base', 'relative'], efficiencyRows(compare.efficiency), { numericFrom: 1 })}</section>`,
    browserSection('Flipped samples', flippedPayload(base, next, compare)),
  ];
  return pageHtml({ title: `ernie-eval compare ${compare.base.runId} → ${compare.new.runId}`, header, body, charts: false });
}

/** Write compare.html atomically; returns the file written. */
export async function writeCompareHtml(base: RunRecord, next: RunRecord, compare: CompareResult, options: CompareHtmlOptions): Promise<string> {
  await writeFileAtomic(options.outFile, renderCompareHtml(base, next, compare));
  return options.outFile;
}
