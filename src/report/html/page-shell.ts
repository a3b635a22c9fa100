// The document around the sections: head with a Content-Security-Policy, the inlined chart.js
// and page script, the chart canvases and the sample browser's markup. Nothing is loaded from
// anywhere: the policy allows no network at all and runs only the two scripts written here
// (by hash), so even an escaping bug could not run injected script.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ChartSpec } from '../charts/index.ts';
import type { BrowserPayload } from './browser-layout.ts';
import { BROWSER_SCRIPT } from './browser-script.ts';
import { escapeHtml, jsonForScript } from './escape.ts';
import { PAGE_STYLE } from './page-style.ts';

let chartJsSource: string | undefined;

/** chart.js's UMD build, read from the installed package once per process. */
export function chartJsUmd(): string {
  if (chartJsSource === undefined) {
    const require = createRequire(import.meta.url);
    // The package's exports map hides dist/chart.umd.js; find it beside the resolved main file.
    const file = join(dirname(require.resolve('chart.js')), 'chart.umd.js');
    // A `</script` inside the library would end the inline block early; the build has none, but check.
    const text = readFileSync(file, 'utf8');
    if (/<\/script/i.test(text)) throw new Error(`${file} contains "</script" and cannot be inlined`);
    chartJsSource = text;
  }
  return chartJsSource;
}

function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

export function chartsSection(specs: ChartSpec[]): string {
  if (specs.length === 0) return '';
  const canvases = specs.map((s) => `<figure class="chart"><canvas id="chart-${escapeHtml(s.name)}" role="img" aria-label="${escapeHtml(s.title)}"></canvas></figure>`).join('\n');
  // Only the chart configurations are embedded, not the rows behind them (the latency chart is pre-binned).
  return `<section id="charts"><h2>Charts</h2><div class="charts">\n${canvases}\n</div>
<script type="application/json" id="chart-data">${jsonForScript(specs.map((s) => ({ name: s.name, config: s.config })))}</script>
</section>`;
}

export function browserSection(title: string, payload: BrowserPayload): string {
  return `<section id="samples"><h2>${escapeHtml(title)}</h2>
<div id="sb-controls">
<input id="sb-search" type="search" placeholder="Search id, question, output, thinking, target, answer, error" aria-label="Search samples">
<select id="sb-task" aria-label="Task"><option value="">all tasks</option></select>
<span id="sb-status" role="group" aria-label="Filter by outcome"></span>
<span id="sb-count"></span>
</div>
<div class="sb-split"><div id="sb-viewport"><div id="sb-spacer"></div></div><div id="sb-detail" aria-live="polite"></div></div>
<script type="application/json" id="sample-data">${jsonForScript(payload)}</script>
</section>`;
}

export interface PageParts {
  title: string;
  /** Already escaped markup, built by the section functions. */
  header: string;
  body: string[];
  /** Whether to inline chart.js (pages without charts skip its 200 kB). */
  charts: boolean;
}

export function pageHtml(parts: PageParts): string {
  const scripts = parts.charts ? [chartJsUmd(), BROWSER_SCRIPT] : [BROWSER_SCRIPT];
  const csp = ["default-src 'none'", `script-src ${scripts.map((s) => `'sha256-${sha256Base64(s)}'`).join(' ')}`, "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${parts.header}
${parts.body.join('\n')}
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
