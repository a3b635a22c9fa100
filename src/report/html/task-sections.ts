// The accuracy side of report.html: the summary table, then one section per task with every
// metric, its subsets, and the published baselines beside the run's primary metric.
import type { ResultsFile, TaskResults } from '../../core/index.ts';
import type { BaselineComparison } from '../report-model.ts';
import { escapeHtml } from './escape.ts';
import { flops, metricWithCi, num, pct, signed } from './format.ts';
import { table, type Cell } from './html-table.ts';

export function summarySection(results: ResultsFile): string {
  const rows: Cell[][] = Object.keys(results.tasks)
    .sort()
    .map((id) => {
      const r = results.tasks[id] as TaskResults;
      const m = r.metrics[r.primaryMetric];
      const c = r.coverage;
      const mfu = r.efficiency.mfu;
      return [id, r.primaryMetric, metricWithCi(m), m?.n, `${c.answered}/${c.extracted}/${c.errored} of ${c.total}`, num(r.efficiency.samplesPerSecond), mfu?.status === 'estimate' ? pct(mfu.vsTheoreticalPeak ?? null, 2) : 'n/a'];
    });
  const e = results.efficiency;
  rows.push(['whole run', '', null, null, null, num(e.samplesPerSecond), e.mfu?.status === 'estimate' ? pct(e.mfu.vsTheoreticalPeak ?? null, 2) : 'n/a']);
  return `<section id="summary"><h2>Summary</h2>
${table(['task', 'primary metric', 'value [95% CI]', 'n', 'answered/extracted/errored', 'samples/s', 'MFU (vs theoretical peak)'], rows, { id: 'summary-table', numericFrom: 2 })}
</section>`;
}

function baselineTable(task: string, comparisons: BaselineComparison[]): string {
  const mine = comparisons.filter((c) => c.taskId === task);
  if (mine.length === 0) return '<p class="note">No published baseline maps onto this task.</p>';
  const rows: Cell[][] = mine.map((c) => {
    const unit = c.baseline.scale === 'percent' ? ' pts' : '';
    const ci = c.oursCi95OnBaselineScale;
    return [
      c.preferred ? { html: `<strong>${escapeHtml(c.baseline.model)}</strong>` } : c.baseline.model,
      c.baseline.benchmark,
      c.baseline.setting,
      `${c.baseline.value}${c.baseline.scale === 'percent' ? '%' : ''}`,
      ci === null ? null : `[${ci[0].toFixed(2)}, ${ci[1].toFixed(2)}]`,
      c.delta === null ? 'not comparable (scale)' : { html: `<span class="${c.delta < 0 ? 'worse' : 'better'}">${escapeHtml(signed(c.delta, 2, unit))}</span>` },
      `${c.settingMatch}: ${c.reason}`,
      `${c.baseline.source.title}; ${c.baseline.source.url} ${c.baseline.source.path} (${c.baseline.source.table}); ${c.baseline.source.status}`,
    ];
  });
  return table(['model', 'benchmark', 'setting', 'published', 'this run, 95% CI (same scale)', 'delta (this run − published)', 'setting match', 'source'], rows, { caption: 'Published baselines (bold: the preferred entry per model)' });
}

function taskSection(id: string, r: TaskResults, comparisons: BaselineComparison[]): string {
  const metricRows: Cell[][] = Object.entries(r.metrics).map(([name, m]) => [name === r.primaryMetric ? `${name} (primary)` : name, pct(m.value), pct(m.stderr, 2), `[${pct(m.ci95[0])}, ${pct(m.ci95[1])}]`, m.n, m.higherIsBetter ? 'higher' : 'lower']);
  for (const [name, m] of Object.entries(r.macro ?? {})) metricRows.push([`${name} (macro over subsets)`, pct(m.value), pct(m.stderr, 2), `[${pct(m.ci95[0])}, ${pct(m.ci95[1])}]`, m.n, m.higherIsBetter ? 'higher' : 'lower']);
  let subsets = '';
  const names = Object.keys(r.subsets ?? {}).sort();
  if (names.length > 0) {
    const rows: Cell[][] = names.map((s) => {
      const m = r.subsets?.[s]?.[r.primaryMetric];
      return [s, metricWithCi(m), m?.n];
    });
    subsets = `<details><summary>${escapeHtml(`${names.length} subsets (${r.primaryMetric})`)}</summary>${table(['subset', 'value [95% CI]', 'n'], rows, { numericFrom: 1 })}</details>`;
  }
  return `<section class="task" id="task-${escapeHtml(id)}"><h3>${escapeHtml(id)} <small>version ${escapeHtml(r.version)}</small></h3>
${table(['metric', 'value', 'stderr', '95% CI', 'n', 'better'], metricRows, { numericFrom: 1 })}
${subsets}
${baselineTable(id, comparisons)}
</section>`;
}

export function tasksSection(results: ResultsFile, comparisons: BaselineComparison[]): string {
  const sections = Object.keys(results.tasks)
    .sort()
    .map((id) => taskSection(id, results.tasks[id] as TaskResults, comparisons));
  return `<section id="tasks"><h2>Tasks</h2>\n${sections.join('\n')}\n</section>`;
}

/** Coverage and efficiency per task: the same requests that were scored (DESIGN.md §1.2). */
export function efficiencySection(results: ResultsFile): string {
  const ids = Object.keys(results.tasks).sort();
  const coverage: Cell[][] = ids.map((id) => {
    const c = (results.tasks[id] as TaskResults).coverage;
    return [id, c.total, c.answered, c.extracted, c.errored, pct(c.total === 0 ? null : c.answered / c.total)];
  });
  const effRows: Cell[][] = [...ids.map((id) => [id, (results.tasks[id] as TaskResults).efficiency] as const), ['whole run', results.efficiency] as const].map(([id, e]) => [
    id,
    e.timedSamples,
    num(e.samplesPerSecond),
    num(e.promptTokensPerSecond, 1),
    num(e.generatedTokensPerSecond, 1),
    e.latencyMs === null ? null : `${num(e.latencyMs.p50, 1)} / ${num(e.latencyMs.p90, 1)} / ${num(e.latencyMs.p99, 1)}`,
    e.ttftMs === null ? null : `${num(e.ttftMs.p50, 1)} / ${num(e.ttftMs.p90, 1)} / ${num(e.ttftMs.p99, 1)}`,
    e.tpotMs === null ? null : num(e.tpotMs.p50, 2),
    num(e.meanBatchSize, 1),
    flops(e.flops?.achievedFlopsPerSecond),
    e.mfu === undefined ? null : e.mfu.status === 'estimate' ? `${pct(e.mfu.vsTheoreticalPeak ?? null, 2) ?? '–'} theoretical, ${pct(e.mfu.vsCalibratedPeak ?? null, 2) ?? '–'} calibrated` : e.mfu.note,
  ]);
  const notes = [...new Set([results.efficiency.mfu?.note, results.efficiency.mfu?.theoreticalPeak?.source, results.efficiency.mfu?.calibratedPeak?.source, results.efficiency.flops?.method].filter((n): n is string => typeof n === 'string' && n !== ''))];
  return `<section id="coverage"><h2>Coverage</h2>
${table(['task', 'samples', 'answered', 'extracted', 'errored', 'answered share'], coverage, { id: 'coverage-table', numericFrom: 1 })}
</section>
<section id="efficiency"><h2>Efficiency</h2>
${table(['task', 'timed samples', 'samples/s', 'prompt tok/s', 'generated tok/s', 'latency p50/p90/p99 ms', 'TTFT p50/p90/p99 ms', 'TPOT p50 ms', 'mean batch', 'achieved', 'MFU'], effRows, { id: 'efficiency-table', numericFrom: 1 })}
${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n')}
</section>`;
}
