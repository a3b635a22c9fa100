// compare.html from two records and the comparison the report layer computes for them: every
// flipped sample in the browser data with both outputs, record text escaped, nothing loaded.
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../../src/report/index.ts';
import { renderCompareHtml } from '../../../../src/report/html/index.ts';
import { HOSTILE, syntheticRecord } from './synthetic-record.ts';

describe('compare.html', () => {
  const base = syntheticRecord({ samples: 400, seed: 1, hostile: true });
  const next = syntheticRecord({ samples: 400, seed: 2, hostile: true });
  const compare = compareRuns(base, next);
  const html = renderCompareHtml(base, next, compare);

  it('lists every flipped sample with its direction and both outputs', () => {
    const block = /<script type="application\/json" id="sample-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null';
    const data = JSON.parse(block) as { tasks: string[]; rows: unknown[][]; layout: { statuses: string[] } };
    const expected = compare.tasks.flatMap((t) => t.flipped.map((f) => `${t.taskId}/${f.sampleId}/${f.direction}`));
    expect(expected.length).toBeGreaterThan(10);
    expect(data.rows.map((r) => `${data.tasks[r[0] as number]}/${String(r[1])}/${data.layout.statuses[r[3] as number]}`)).toEqual(expected);
    // Both sides' outputs are there, and they differ where the outcome flipped on a generated answer.
    // (Errored samples have no output on their side, so look at those answered in both runs.)
    const gsm = data.rows.filter((r) => data.tasks[r[0] as number] === 'gsm8k' && r[9] !== '' && r[10] !== '');
    expect(gsm.length).toBeGreaterThan(0);
    expect(gsm.every((r) => String(r[7]).includes('The answer is') && String(r[8]).includes('The answer is'))).toBe(true);
  });

  it('shows each task verdict and escapes record text', () => {
    for (const t of compare.tasks) expect(html).toContain(`<td>${t.taskId}</td>`);
    for (const h of HOSTILE) expect(html.includes(h)).toBe(false);
    expect(html).not.toContain('<script src');
    expect(/<script>/.exec(html)?.index).toBeGreaterThan(html.indexOf('id="sample-data"')); // the page script comes after its data
  });
});
