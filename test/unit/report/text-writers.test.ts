import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildResultsFile } from '../../../src/runner/index.ts';
import { escapeXml, evaluateGates, loadProfile, parseProfile, runJunitXml, samplesCsv, summaryMarkdown } from '../../../src/report/index.ts';
import { parse } from 'csv-parse/sync';
import { manifest, scored, toySpec, errored } from '../store/record-fixture.ts';

const NASTY = '</textarea><script>alert(1)</script><img src=x onerror=alert(2)> | "q" & \u0001';
const samples = [scored('1', 1, { completion: { text: NASTY, finishReason: 'stop' } }), scored('2', 0), errored('3')];
const results = buildResultsFile({ runId: 'r', status: 'complete', startedAt: new Date(0), endedAt: new Date(1), tasks: [{ spec: toySpec, samples }] });

describe('text writers', () => {
  it('samples.csv keeps untrusted output intact as one quoted cell and marks errors', () => {
    const rows = parse(samplesCsv(results, samples), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['correct'])).toEqual(['true', 'false', 'error']);
    expect(rows[0]?.['output']).toBe(NASTY);
    expect(rows[2]?.['error_code']).toBe('BACKEND');
  });

  it('junit.xml escapes every record string and drops characters XML forbids', () => {
    expect(escapeXml(NASTY)).not.toMatch(/[<>\u0001]/);
    const gates = evaluateGates([{ task: 'toy', min: 0.9 }, { task: 'missing', min: 0 }], results);
    const xml = runJunitXml(NASTY, ['toy'], results, gates);
    expect(xml).not.toContain('<script');
    expect((xml.match(/<failure /g) ?? []).length).toBe(2);
  });

  it('summary.md stays under its byte budget however long the record is', () => {
    const warnings = Array.from({ length: 5000 }, (_, i) => `warning ${i} ${NASTY}`);
    const md = summaryMarkdown({ manifest: manifest(), results, baselines: [], gates: [], warnings }, 16 * 1024);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(16 * 1024);
    expect(md).toContain('summary truncated');
    expect(md).not.toContain('<script');
  });

  it('the nightly profile validates, and a bad profile names the field', async () => {
    const file = join(fileURLToPath(new URL('../../../runners/nightly/profile.json', import.meta.url)));
    const p = await loadProfile(file);
    expect(p.suites).toEqual(['smoke']);
    expect(p.compare).toEqual({ maxDropPoints: 1, alpha: 0.05 });
    expect(() => parseProfile({ name: 'x', suites: ['smoke'], gates: [{ task: 'mmlu', min: 62 }] }, 'p.json')).toThrow('p.json: gates[0].min: must be a number in [0, 1]');
    expect(() => parseProfile({ name: 'x', suites: [] }, 'p.json')).toThrow('p.json: suites:');
  });
});
