// report.html as text: self-contained (no URL loads anything, scripts allowed by hash only),
// record data escaped everywhere, and the embedded sample data parses back to the record.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BaselineComparison } from '../../../../src/report/index.ts';
import { escapeHtml, jsonForScript, writeHtmlReport, renderHtmlReport } from '../../../../src/report/html/index.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';
import { HOSTILE, syntheticRecord } from './synthetic-record.ts';

/** The page without its script bodies: the markup a browser parses as HTML. */
function markupOnly(html: string): string {
  return html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
}

/** The first match with some context (or null), so a failure shows the spot, not a megabyte of page. */
function firstMatch(text: string, re: RegExp): string | null {
  const m = re.exec(text);
  return m === null ? null : text.slice(Math.max(0, m.index - 80), m.index + 80);
}

function scriptBlocks(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1] ?? '', body: m[2] ?? '' }));
}

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('writes JSON that cannot end its script block and parses back unchanged', () => {
    const value = { s: HOSTILE.join(' '), t: '<!-- </SCRIPT > \u2028 & >' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('report.html', () => {
  const record = syntheticRecord({ samples: 600, hostile: true });
  const html = renderHtmlReport(record);

  it('loads nothing from anywhere: no URL attributes, no CSS imports, CSP default-src none', () => {
    const markup = markupOnly(html);
    expect(firstMatch(markup, /\s(src|href|action|poster|srcset|data)\s*=\s*(?!["']?#)/i)).toBeNull(); // only in-page #anchors
    expect(firstMatch(markup, /<link\b|@import|url\(/i)).toBeNull();
    expect(firstMatch(markup, /<(iframe|object|embed|img|audio|video|source)\b/i)).toBeNull();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#39;', "'") ?? '';
    expect(csp).toContain("default-src 'none'");
    // Every executable script is allowed by its exact hash; nothing else may run.
    const executable = scriptBlocks(html).filter((s) => !/type="application\/json"/.test(s.attrs));
    expect(executable.length).toBe(2); // chart.js and the page script
    for (const s of executable) expect(csp).toContain(`'sha256-${createHash('sha256').update(s.body, 'utf8').digest('base64')}'`);
    expect(/script-src ([^;]*)/.exec(csp)?.[1]).not.toContain('unsafe');
  });

  it('never lets record text into the markup unescaped', () => {
    for (const h of HOSTILE) expect(firstMatch(html, new RegExp(h.replace(/[.*+?^$(){}|[\]\\]/g, '\\$&')))).toBeNull();
    expect(firstMatch(html, /<img|<b>x<\/b>|onerror="window/)).toBeNull();
    // The model name is static text: escaped, still readable.
    expect(html).toContain(escapeHtml(`model ${HOSTILE[0]}`));
    // Each script block ends where the page means it to: JSON blocks parse whole.
    for (const s of scriptBlocks(html).filter((b) => /application\/json/.test(b.attrs))) expect(() => JSON.parse(s.body)).not.toThrow();
  });

  it('embeds every sample with its status from the primary metric', () => {
    const block = scriptBlocks(html).find((s) => /id="sample-data"/.test(s.attrs));
    const data = JSON.parse(block?.body ?? 'null') as { tasks: string[]; prefixes: string[]; rows: unknown[][]; layout: { statuses: string[]; status: number; id: number; task: number } };
    expect(data.rows.length).toBe(record.samples.length);
    const expected = record.samples.map((s) => {
      const primary = record.results?.tasks[s.task]?.primaryMetric ?? '';
      return s.error !== undefined ? 'error' : s.score?.values[primary] === 1 ? 'correct' : 'wrong';
    });
    expect(data.rows.map((r) => data.layout.statuses[r[data.layout.status] as number])).toEqual(expected);
    expect(data.rows.map((r) => `${data.tasks[r[data.layout.task] as number]}/${String(r[data.layout.id])}`)).toEqual(record.samples.map((s) => `${s.task}/${s.sampleId}`));
    // Prompts are rebuilt exactly from the shared prefix + the rest; the prefixes are stored once.
    const rebuilt = data.rows.map((r) => (data.prefixes[r[4] as number] ?? '') + String(r[5]));
    expect(rebuilt).toEqual(record.samples.map((s) => s.prompt));
    expect(data.prefixes.length).toBeLessThanOrEqual(1 + 57 + 1);
    // The hostile strings are in the data, to be shown as text by the page.
    for (const h of HOSTILE) expect(JSON.stringify(data.rows)).toContain(JSON.stringify(h).slice(1, -1));
  });

  it('shows the summary numbers of results.json and the baselines with deltas', () => {
    const results = record.results;
    const mmlu = results?.tasks['mmlu'];
    const acc = mmlu?.metrics['acc'];
    const comparison = {
      taskId: 'mmlu',
      metric: 'acc',
      ours: acc,
      baseline: { model: 'Base <i>Model</i>', benchmark: 'MMLU', taskId: 'mmlu', metric: 'acc', setting: '5-shot', parsedSetting: { shots: 5 }, value: 86.5, scale: 'percent', source: { title: 'A paper', url: 'https://example.org/paper', path: 'p', table: 'Table 1', status: 'primary', file: '/b.json' }, notes: '' },
      delta: (acc?.value ?? 0) * 100 - 86.5,
      oursCi95OnBaselineScale: [(acc?.ci95[0] ?? 0) * 100, (acc?.ci95[1] ?? 0) * 100],
      settingMatch: 'exact',
      reason: '5-shot = 5-shot',
      preferred: true,
    } as BaselineComparison;
    const page = renderHtmlReport(record, { comparisons: [comparison] });
    const summary = /<table id="summary-table">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    expect(summary).toContain(`${((acc?.value ?? 0) * 100).toFixed(1)}% [${((acc?.ci95[0] ?? 0) * 100).toFixed(1)}, ${((acc?.ci95[1] ?? 0) * 100).toFixed(1)}]`);
    expect(summary).toContain(`${mmlu?.coverage.answered}/${mmlu?.coverage.extracted}/${mmlu?.coverage.errored} of ${mmlu?.coverage.total}`);
    expect(page).toContain('Base &lt;i&gt;Model&lt;/i&gt;');
    expect(page).toContain(`−${Math.abs(comparison.delta ?? 0).toFixed(2)} pts`);
    // A source URL is shown as text, never as a link that would leave the file.
    expect(page).not.toMatch(/href="https?:/);
    expect(page).toContain('synthetic peak &lt;b&gt;not bold&lt;/b&gt;');
  });

  it('renders a record whose run never finished (no results.json)', async () => {
    const out = join(freshTempDir(), 'report.html');
    await writeHtmlReport({ ...syntheticRecord({ samples: 30 }), results: null, warnings: ['results.json: missing <b>'] }, { outFile: out });
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('did not finish');
    expect(page).toContain('results.json: missing &lt;b&gt;');
    expect(page).toContain('id="sample-data"');
  });
});

describe('images in the sample browser', () => {
  it('replaces each <image> of a prompt with its size, token count and pixel hash, in order', async () => {
    const { describeImages } = await import('../../../../src/report/html/sample-rows.ts');
    const images = [
      { sha256: 'a'.repeat(64), of: 'pixels' as const, width: 640, height: 480, resizedWidth: 448, resizedHeight: 336, tokens: 192 },
      { sha256: 'b'.repeat(64), of: 'bytes' as const, width: 30, height: 20 },
    ];
    expect(describeImages('user: <image><image>Which is larger?', images)).toBe(
      `user: <image 1: 640×480 → 448×336, 192 tokens, pixels sha256 ${'a'.repeat(16)}…><image 2: 30×20, bytes sha256 ${'b'.repeat(16)}…>Which is larger?`,
    );
    expect(describeImages('no images here', undefined)).toBe('no images here');
  });
});
