// The table `run` prints at the end: each task's metrics with their 95% intervals, coverage and throughput.
import type { MetricValue, MfuSummary, ResultsFile } from '../core/index.ts';
import type { PreparedTask } from '../task/index.ts';

function percent(m: MetricValue): string {
  const half = (m.ci95[1] - m.ci95[0]) / 2;
  return `${(m.value * 100).toFixed(1)} ±${(half * 100).toFixed(1)}`;
}

/** Against the calibrated peak when there is one (the achievable one), else the theoretical. */
function mfuText(mfu: MfuSummary | undefined): string {
  if (mfu === undefined || mfu.status !== 'estimate') return 'n/a';
  if (mfu.vsCalibratedPeak !== null) return `${(mfu.vsCalibratedPeak * 100).toFixed(1)}% calibrated`;
  return mfu.vsTheoreticalPeak === null ? 'n/a' : `${(mfu.vsTheoreticalPeak * 100).toFixed(1)}% theoretical`;
}

function pad(cells: string[][]): string {
  const widths = cells[0]?.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length))) ?? [];
  return cells.map((row) => row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function formatSummary(results: ResultsFile, tasks: PreparedTask[]): string {
  const rows: string[][] = [['task', 'metric', 'value (95% CI)', 'n', 'answered/extracted/errored', 'samples/s', 'MFU (est.)', 'data']];
  for (const task of tasks) {
    const r = results.tasks[task.spec.id];
    if (r === undefined) {
      rows.push([task.spec.id, '-', 'no samples finished', '0', '', '', '', task.source]);
      continue;
    }
    const c = r.coverage;
    const rate = r.efficiency.samplesPerSecond;
    const mfu = mfuText(r.efficiency.mfu);
    Object.entries(r.metrics).forEach(([name, m], i) => {
      rows.push([i === 0 ? task.spec.id : '', name, percent(m), String(m.n), i === 0 ? `${c.answered}/${c.extracted}/${c.errored} of ${c.total}` : '', i === 0 && rate !== null ? rate.toFixed(2) : '', i === 0 ? mfu : '', i === 0 ? `${task.source} (${new Set(task.items.map((item) => item.sample.id)).size}/${task.available})` : '']);
    });
    for (const [name, m] of Object.entries(r.macro ?? {})) rows.push(['', `${name} (macro over ${Object.keys(r.subsets ?? {}).length} subsets)`, percent(m), String(m.n), '', '', '', '']);
  }
  const status = results.status === 'complete' ? '' : `\nStatus: ${results.status}`;
  return `\n${pad(rows)}${status}`;
}
