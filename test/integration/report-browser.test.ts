// report.html in a real browser (Debian chromium via playwright-core), opened from disk: the
// summary table is there, the charts are drawn, the sample browser filters, and model outputs
// crafted to inject script are shown as text and run nothing. Skipped when chromium is absent.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { writeHtmlReport } from '../../src/report/html/index.ts';
import { readRecord } from '../../src/store/index.ts';
import { freshTempDir, tinyModelDir } from '../support/tiny-models.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report-browser.test.ts skipped: ${CHROMIUM} is absent (.ci/run installs Debian chromium)`);

const HOSTILE_OUTPUTS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '</textarea><b>x</b>'];

/** Run the smoke suite in-process and return its record folder. */
async function smokeRecord(): Promise<string> {
  const out = freshTempDir();
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await main(['run', '--suite', 'smoke', '--out', out, '--model', `onnx:${await tinyModelDir('ernie4_5')}`, '--workers', '1']);
    expect(code).toBe(0);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const dir = /^Record: (.+)$/m.exec(lines.join('\n'))?.[1];
  if (dir === undefined) throw new Error(`no record path in output:\n${lines.join('\n')}`);
  return dir;
}

/** Give three generated answers hostile text (output, thinking) as a model could produce it. */
function plantHostileOutputs(dir: string): void {
  const file = join(dir, 'samples.jsonl');
  let planted = 0;
  const lines = readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const s = JSON.parse(line) as { task: string; completion?: { text?: string; reasoning?: string } };
      if (s.task === 'gsm8k' && s.completion !== undefined && planted < HOSTILE_OUTPUTS.length) {
        s.completion.text = `HOSTILE-${planted} ${HOSTILE_OUTPUTS[planted] ?? ''} The answer is 7.`;
        s.completion.reasoning = `thinking ${HOSTILE_OUTPUTS[planted] ?? ''}`;
        planted++;
      }
      return JSON.stringify(s);
    });
  expect(planted).toBe(HOSTILE_OUTPUTS.length);
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe.skipIf(!hasChromium)('report.html in chromium', () => {
  let browser: Browser;
  let reportFile: string;
  let sampleCount: number;

  beforeAll(async () => {
    const dir = await smokeRecord();
    plantHostileOutputs(dir);
    const record = await readRecord(dir);
    sampleCount = record.samples.length;
    reportFile = await writeHtmlReport(record, { outFile: join(dir, 'report.html') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the summary and charts, filters samples, and renders hostile outputs as inert text', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });

    // Summary table: one row per task plus the whole run.
    const summaryRows = await page.locator('#summary-table tbody tr').allTextContents();
    expect(summaryRows.some((r) => r.startsWith('mmlu'))).toBe(true);
    expect(summaryRows.some((r) => r.startsWith('gsm8k'))).toBe(true);

    // Every chart canvas has drawn pixels (chart.js ran under the page's CSP).
    // A string, not a function: this project's TypeScript has no DOM types; it runs in the page.
    const drawn = (await page.evaluate(`Array.from(document.querySelectorAll('canvas[id^="chart-"]')).map((c) => {
      const ctx = c.getContext('2d');
      if (ctx === null || c.width === 0 || c.height === 0) return 0;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted / (c.width * c.height);
    })`)) as number[];
    expect(drawn.length).toBe(4);
    for (const share of drawn) expect(share).toBeGreaterThan(0.005);

    // The browser lists every sample, then narrows by outcome, task and search.
    const count = page.locator('#sb-count');
    await expect.poll(() => count.textContent()).toBe(`showing ${sampleCount} of ${sampleCount} samples`);
    const correctButton = page.locator('#sb-status button[data-status="0"]');
    const correctCount = Number(/\((\d+)\)/.exec((await correctButton.textContent()) ?? '')?.[1]);
    await correctButton.click();
    await expect.poll(() => count.textContent()).toBe(`showing ${correctCount} of ${sampleCount} samples`);
    expect(await page.locator('.sb-row .sb-badge').allTextContents()).toEqual(new Array(Math.min(correctCount, await page.locator('.sb-row').count())).fill('correct'));
    await page.locator('#sb-status button[data-status="-1"]').click();
    await page.locator('#sb-task').selectOption({ label: 'gsm8k' });
    await page.locator('#sb-search').fill('HOSTILE-');
    await expect.poll(() => count.textContent()).toBe(`showing ${HOSTILE_OUTPUTS.length} of ${sampleCount} samples`);
    expect((await page.locator('.sb-row .sb-task').allTextContents()).every((t) => t === 'gsm8k')).toBe(true);

    // Open each hostile sample: its output and thinking are visible, literally, as text.
    for (let i = 0; i < HOSTILE_OUTPUTS.length; i++) {
      await page.locator('#sb-search').fill(`HOSTILE-${i} `);
      // The count alone would not prove the new search ran (the last one also showed 1 sample).
      await expect.poll(async () => `${await count.textContent()} ${await page.locator('.sb-row').first().textContent()}`).toMatch(new RegExp(`^showing 1 of ${sampleCount} samples .*HOSTILE-${i} `));
      await page.locator('.sb-row').first().click();
      const texts = await page.locator('#sb-detail pre').allTextContents();
      expect(texts).toContain(`HOSTILE-${i} ${HOSTILE_OUTPUTS[i]} The answer is 7.`);
      expect(texts).toContain(`thinking ${HOSTILE_OUTPUTS[i]}`);
    }
    // Nothing it contains became markup or ran.
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('#sb-detail img, #sb-detail script, #sb-detail b, #sb-spacer img, #sb-spacer b').count()).toBe(0);
    expect(problems).toEqual([]);
    // Opened from disk and loaded nothing else.
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
