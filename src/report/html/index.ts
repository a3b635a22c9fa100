// report.html and the compare page: self-contained HTML rendered from run records.
export { writeHtmlReport, renderHtmlReport, SAMPLE_LAYOUT } from './html-report.ts';
export type { HtmlReportOptions } from './html-report.ts';
export { escapeHtml, jsonForScript } from './escape.ts';
export { buildBrowserData, sampleStatus, sampleOutput, sampleExtracted } from './sample-rows.ts';
export type { BrowserData, BrowserRow, SampleStatus } from './sample-rows.ts';
export { writeCompareHtml, renderCompareHtml, FLIP_LAYOUT } from './compare-html.ts';
export type { CompareHtmlOptions } from './compare-html.ts';
