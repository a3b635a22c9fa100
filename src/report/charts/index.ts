// Charts of a run record: chart.js configurations shared by the PNG writer and report.html.
export { writeCharts, writeChartSpecs, CANVAS_MISSING, DEFAULT_PNG_SIZE } from './png-charts.ts';
export type { ChartFiles, PngSize } from './png-charts.ts';
export { chartSpecs, taskBarsSpec, accuracyThroughputSpec, latencySpec, mfuSpec, baselinePercent, baselineLabel, PALETTE } from './chart-specs.ts';
export type { ChartSpec, ChartKind } from './chart-specs.ts';
