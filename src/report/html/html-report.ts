// report.html: one self-contained page per run record (opens from disk, no network): summary,
// per-task tables with baselines, interactive charts, coverage, efficiency, provenance and a
// per-sample browser. Rendered from the record alone; every record string is escaped.
import type { RunRecord } from '../../store/index.ts';
import { writeFileAtomic } from '../../store/index.ts';
import { chartSpecs } from '../charts/index.ts';
import type { BaselineComparison } from '../report-model.ts';
import type { BrowserLayout, BrowserPayload } from './browser-layout.ts';
import { escapeHtml } from './escape.ts';
import { browserSection, chartsSection, pageHtml } from './page-shell.ts';
import { provenanceSection } from './provenance-section.ts';
import { buildBrowserData, ROW } from './sample-rows.ts';
import { efficiencySection, summarySection, tasksSection } from './task-sections.ts';

export interface HtmlReportOptions {
  outFile: string;
  /** Published baselines beside the run (from the baselines registry); none: no baseline columns. */
  comparisons?: BaselineComparison[];
  /** Draw the interactive charts (inlines chart.js, ≈ 200 kB). Default true. */
  charts?: boolean;
}

export const SAMPLE_LAYOUT: BrowserLayout = {
  task: ROW.task,
  id: ROW.sampleId,
  status: ROW.status,
  statuses: ['correct', 'wrong', 'error'],
  list: [
    { label: 'target', index: ROW.target },
    { label: 'extracted', index: ROW.extracted },
    { label: 'output', index: ROW.output },
  ],
  detail: [
    { label: 'subset', index: ROW.subset },
    { label: 'prompt', index: ROW.promptRest, prefixIndex: ROW.prefix },
    { label: 'output', index: ROW.output },
    { label: 'thinking', index: ROW.thinking },
    { label: 'extracted answer', index: ROW.extracted },
    { label: 'target', index: ROW.target },
    { label: 'error', index: ROW.error },
  ],
  search: [ROW.sampleId, ROW.subset, ROW.promptRest, ROW.output, ROW.thinking, ROW.extracted, ROW.target, ROW.error],
};

/** Thinking and non-thinking scores of one model are different numbers: say which one this is. */
function thinkingLabel(thinking: boolean | undefined): string {
  return thinking === undefined ? '' : ` · thinking ${thinking ? 'on' : 'off'}`;
}

export function renderHtmlReport(record: RunRecord, options: Omit<HtmlReportOptions, 'outFile'> = {}): string {
  const { manifest, results, samples } = record;
  const comparisons = options.comparisons ?? [];
  const drawCharts = options.charts ?? true;
  const status = results === null ? 'unfinished (no results.json)' : results.status;
  const header = `<header><h1>ernie-eval report: ${escapeHtml(manifest.runId)}</h1>
<p>${escapeHtml(`${manifest.model.modelName} · ${manifest.runSpec.suite === undefined ? manifest.runSpec.tasks.join(', ') : `suite ${manifest.runSpec.suite}`}${thinkingLabel(manifest.runSpec.thinking)}${manifest.runSpec.maxTokens === undefined ? '' : ` · answers capped at ${manifest.runSpec.maxTokens} tokens`} · ${status} · ${samples.length} samples · ${manifest.createdAt}`)}</p>
<nav><a href="#summary">Summary</a><a href="#tasks">Tasks</a><a href="#charts">Charts</a><a href="#coverage">Coverage</a><a href="#efficiency">Efficiency</a><a href="#provenance">Provenance</a><a href="#samples">Samples</a></nav></header>`;
  const body: string[] = [];
  if (results === null) {
    body.push('<section id="summary"><h2>Summary</h2><p class="note">This run did not finish: results.json is missing, so there are no aggregate metrics. Its samples are below.</p></section>');
  } else {
    body.push(summarySection(results), tasksSection(results, comparisons));
  }
  if (drawCharts) body.push(chartsSection(chartSpecs(results, samples, comparisons)));
  if (results !== null) body.push(efficiencySection(results));
  body.push(provenanceSection(manifest, record.warnings));
  const data = buildBrowserData(samples, results);
  const payload: BrowserPayload = { layout: SAMPLE_LAYOUT, tasks: data.tasks, prefixes: data.prefixes, rows: data.rows };
  body.push(browserSection('Samples', payload));
  return pageHtml({ title: `ernie-eval report ${manifest.runId}`, header, body, charts: drawCharts });
}

/** Write report.html atomically; returns the file written. */
export async function writeHtmlReport(record: RunRecord, options: HtmlReportOptions): Promise<string> {
  await writeFileAtomic(options.outFile, renderHtmlReport(record, options));
  return options.outFile;
}
