// Public entry point of the report layer: renders from the run record alone (DESIGN.md §2).
// (charts, html, markdown, junit, baselines and compare join here.)
export { writeResultsCsv, resultsCsv, resultsCsvRows, RESULTS_CSV_COLUMNS } from './results-csv.ts';
export type { ResultsCsvColumn } from './results-csv.ts';
export type {
  BaselineSource,
  BaselineScale,
  ParsedSetting,
  BaselineEntry,
  SettingMatch,
  BaselineComparison,
  CompareMethod,
  Verdict,
  EfficiencyDelta,
  FlippedSample,
  TaskComparison,
  CompareThresholds,
  CompareRunInfo,
  CompareResult,
  GateResult,
} from './report-model.ts';
export { parseSetting, matchSetting, settingRank, type RunSetting } from './baseline-setting.ts';
export { loadBaselines, loadBaselineFile, loadTaskMap, baselineFilesIn, inferScale, DEFAULT_BASELINES_DIR, TASK_MAP_FILE, type TaskMap } from './baseline-file.ts';
export { compareWithBaselines, runSettingOf, type BaselineComparisonOptions } from './baseline-comparison.ts';
export { writeSamplesCsv, samplesCsv, sampleCsvRow, primaryMetricOf, SAMPLES_CSV_COLUMNS } from './samples-csv.ts';
export { summaryMarkdown, type SummaryInput } from './summary-md.ts';
export { junitXml, runJunitXml, compareJunitXml, escapeXml, type JunitCase } from './junit-xml.ts';
export { loadProfile, parseProfile, type RunProfile, type Gate } from './profile.ts';
export { evaluateGates } from './gates.ts';
export { compareRuns, efficiencyDeltas, DEFAULT_THRESHOLDS, MAX_FLIPPED } from './compare-runs.ts';
export { compareMarkdown } from './compare-md.ts';
export { STEP_SUMMARY_LIMIT_BYTES } from './markdown.ts';
export { writeHtmlReport, renderHtmlReport, writeCompareHtml, renderCompareHtml, escapeHtml } from './html/index.ts';
export type { HtmlReportOptions, CompareHtmlOptions } from './html/index.ts';
export { writeCharts, chartSpecs, CANVAS_MISSING } from './charts/index.ts';
export type { ChartFiles, ChartSpec } from './charts/index.ts';
