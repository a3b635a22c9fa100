// summary.md: the run at a glance, sized for $GITHUB_STEP_SUMMARY (GitHub refuses a step summary
// over 1 MiB). Per task: primary metric with its 95% interval, coverage, throughput; the published
// baselines whose setting matches the run best; gates. Long tables are cut with a note, so the file
// stays under `maxBytes` however many tasks or baselines there are.
import type { Manifest, ResultsFile } from '../core/index.ts';
import { fmt, mdCell, mdTable, pct } from './markdown.ts';
import type { BaselineComparison, GateResult } from './report-model.ts';

export interface SummaryInput {
  manifest: Manifest;
  results: ResultsFile | null;
  baselines: readonly BaselineComparison[];
  gates: readonly GateResult[];
  warnings: readonly string[];
}

const DEFAULT_MAX_BYTES = 64 * 1024;
const MAX_BASELINE_ROWS = 60;

function deltaText(b: BaselineComparison): string {
  if (b.delta === null) return 'n/a (other scale)';
  const sign = b.delta >= 0 ? '+' : '';
  return `${sign}${b.delta.toFixed(2)}`;
}

export function summaryMarkdown(input: SummaryInput, maxBytes = DEFAULT_MAX_BYTES): string {
  const { manifest, results } = input;
  const lines: string[] = [`## ernie-eval ${mdCell(manifest.runId)}`, ''];
  lines.push(`Model **${mdCell(manifest.model.modelName)}** (${mdCell(manifest.model.kind)}: ${mdCell(manifest.model.location)}), ${mdCell(manifest.hardware.cpuModel)}, harness ${mdCell(manifest.harness.version)}${manifest.harness.gitCommit === null ? '' : ` @ ${mdCell(manifest.harness.gitCommit.slice(0, 12))}`}${manifest.runSpec.thinking === undefined ? '' : `, thinking ${manifest.runSpec.thinking ? 'on' : 'off'}`}${manifest.runSpec.maxTokens === undefined ? '' : `, answers capped at ${manifest.runSpec.maxTokens} tokens (not the benchmarks' protocol)`}${manifest.runSpec.repeats === undefined ? '' : `, ${manifest.runSpec.repeats} answers per generated sample (seeds ${manifest.runSpec.seed}..${manifest.runSpec.seed + manifest.runSpec.repeats - 1}; metrics per problem, pass@k over them)`}${manifest.runSpec.temperature === undefined ? '' : `, temperature ${manifest.runSpec.temperature} for every answer (not each task's own)`}.`);
  lines.push(`Status: **${results === null ? 'unfinished (no results.json)' : results.status}**.`, '');
  for (const w of input.warnings) lines.push(`> Warning: ${mdCell(w)}`);
  if (results !== null) {
    const rows = Object.keys(results.tasks).sort().map((id) => {
      const t = results.tasks[id];
      const m = t?.metrics[t.primaryMetric];
      if (t === undefined || m === undefined) return [id, t?.primaryMetric ?? '', 'n/a', '', '', '', ''];
      const p = manifest.tasks[id]?.protocol;
      return [id, t.primaryMetric, pct(m.value), `[${pct(m.ci95[0])}, ${pct(m.ci95[1])}]`, String(m.n), `${t.coverage.answered}/${t.coverage.total} answered, ${t.coverage.errored} errored`, p === undefined ? '' : `${p.shots}-shot${p.chainOfThought ? ' CoT' : ''}`];
    });
    lines.push('### Results (%)', '', ...mdTable(['task', 'metric', 'value', '95% CI', 'n', 'coverage', 'protocol'], rows), '');
    const e = results.efficiency;
    lines.push('### Efficiency', '', ...mdTable(['samples/s', 'gen tok/s', 'latency p50 / p90 / p99 ms', 'TTFT p50 ms', 'MFU'], [[fmt(e.samplesPerSecond), fmt(e.generatedTokensPerSecond), e.latencyMs === null ? 'n/a' : `${fmt(e.latencyMs.p50, 0)} / ${fmt(e.latencyMs.p90, 0)} / ${fmt(e.latencyMs.p99, 0)}`, fmt(e.ttftMs?.p50, 0), e.mfu === undefined ? 'n/a' : e.mfu.vsTheoreticalPeak === null ? `n/a (${e.mfu.note})` : `${(e.mfu.vsTheoreticalPeak * 100).toFixed(3)}%`]]), '');
  }
  const preferred = input.baselines.filter((b) => b.preferred);
  if (preferred.length > 0) {
    const rows = preferred.slice(0, MAX_BASELINE_ROWS).map((b) => [b.baseline.subset === undefined ? b.taskId : `${b.taskId} (${b.baseline.subset})`, b.baseline.model, String(b.baseline.value), deltaText(b), `${b.settingMatch}: ${b.reason}`, `${b.baseline.source.title} (${b.baseline.source.table})`]);
    lines.push('### Published baselines (best setting match per model)', '', ...mdTable(['task', 'model', 'published', 'ours − published', 'setting', 'source'], rows));
    if (preferred.length > rows.length) lines.push('', `(${preferred.length - rows.length} more in report.html)`);
    lines.push('');
  }
  if (input.gates.length > 0) {
    lines.push('### Gates', '', ...mdTable(['gate', 'result', 'detail'], input.gates.map((g) => [g.name, g.passed ? 'pass' : '**FAIL**', g.message])), '');
  }
  let text = `${lines.join('\n')}\n`;
  if (Buffer.byteLength(text) > maxBytes) {
    // Cut at a line boundary, well inside the limit, and say so.
    const note = '\n\n(summary truncated; see report.html)\n';
    let cut = text.slice(0, maxBytes - note.length - 4);
    while (Buffer.byteLength(cut) > maxBytes - note.length - 4) cut = cut.slice(0, -1024);
    text = `${cut.slice(0, cut.lastIndexOf('\n'))}${note}`;
  }
  return text;
}
