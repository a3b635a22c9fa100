// report.html and the PNG charts for a record of 100,000 samples: time to build and write, file
// size, peak RSS, and (when Debian chromium is there) how long the page takes to open and to
// answer a search in a real browser. Prints figures; asserts nothing about time.
//
//   npx tsx bench/report-100k.ts [--samples 100000] [--no-browser]
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCharts } from '../src/report/charts/index.ts';
import { writeHtmlReport } from '../src/report/html/index.ts';
import { syntheticRecord } from '../test/unit/report/html/synthetic-record.ts';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '100000' }, 'no-browser': { type: 'boolean', default: false } } });
const n = Number(values.samples);
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
// resourceUsage().maxRSS is the process's peak in KiB (getrusage), not a sample.
const peakRss = (): string => mib(process.resourceUsage().maxRSS * 1024);

const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
let t0 = performance.now();
const record = syntheticRecord({ samples: n });
console.log(`synthetic record: ${n} samples in ${(performance.now() - t0).toFixed(0)} ms; peak RSS so far ${peakRss()}`);

t0 = performance.now();
const out = await writeHtmlReport(record, { outFile: join(dir, 'report.html') });
const htmlMs = performance.now() - t0;
console.log(`report.html: ${htmlMs.toFixed(0)} ms, ${mib(statSync(out).size)} (${(statSync(out).size / n).toFixed(0)} bytes/sample); peak RSS ${peakRss()}`);

t0 = performance.now();
const charts = await writeCharts(record, dir);
console.log(charts.skipped ?? `PNG charts: ${charts.files.length} in ${(performance.now() - t0).toFixed(0)} ms; peak RSS ${peakRss()}`);

const chromiumPath = '/usr/bin/chromium';
if (values['no-browser'] !== true && existsSync(chromiumPath)) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  t0 = performance.now();
  await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
  await page.waitForFunction(`document.getElementById('sb-count')?.textContent === 'showing ${n} of ${n} samples'`);
  const openMs = performance.now() - t0;
  // In-page timings: one full filter pass over every row (what each keystroke costs after the debounce).
  // Written as a string: this project's TypeScript has no DOM types; the code runs in the page.
  const searchMs = (await page.evaluate(`new Promise((resolve) => {
    const count = document.getElementById('sb-count');
    const before = count.textContent;
    const input = document.getElementById('sb-search');
    const start = performance.now();
    new MutationObserver(() => resolve(performance.now() - start)).observe(count, { childList: true, characterData: true, subtree: true });
    input.value = 'The answer is 42.';
    input.dispatchEvent(new Event('input'));
  })`)) as number;
  const shown = await page.locator('#sb-count').textContent();
  const rowsInDom = await page.locator('.sb-row').count();
  const heap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : null')) as number | null;
  console.log(`chromium: opened and listed ${n} samples in ${openMs.toFixed(0)} ms; search "${shown}" (includes the 120 ms debounce) ${searchMs.toFixed(0)} ms; ${rowsInDom} rows in the DOM; JS heap ${heap === null ? 'n/a' : mib(heap)}`);
  await browser.close();
}
console.log(`output in ${dir}`);
