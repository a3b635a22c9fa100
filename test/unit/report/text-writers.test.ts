import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildResultsFile } from '../../../src/runner/index.ts';
import { escapeXml, evaluateGates, loadProfile, parseProfile, runJunitXml, SAMPLES_CSV_COLUMNS, samplesCsv, summaryMarkdown } from '../../../src/report/index.ts';
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

  it('samples.csv names each repeat of a sample and counts the turns of a conversation', () => {
    const turn = (text: string) => ({ requestKey: `k-${text}`, prompt: 'p', completion: { text } });
    const lines = [
      scored('p1', 1, { repeat: 0 }),
      scored('p1', 0, { repeat: 1 }),
      scored('c1', 1, { completion: { text: 'third answer', finishReason: 'stop' }, turns: [turn('first answer'), turn('second answer'), turn('third answer')] }),
    ];
    const csv = samplesCsv(results, [...lines, scored('2', 0)]);
    expect(csv.split('\n')[0]).toBe(SAMPLES_CSV_COLUMNS.join(','));
    // The columns the report had before keep their order; repeat follows sample_id, turns precede output.
    expect(SAMPLES_CSV_COLUMNS.filter((c) => c !== 'repeat' && c !== 'turns').join(',')).toBe('task,task_version,sample_id,subset,primary_metric,primary_value,correct,extracted,target,output,reasoning,finish_reason,error_code,error_message,prompt_chars,prompt_tokens,generated_tokens,total_ms,ttft_ms,scores_json');
    expect(SAMPLES_CSV_COLUMNS.slice(2, 4)).toEqual(['sample_id', 'repeat']);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['sample_id'], r['repeat'], r['turns'], r['correct']])).toEqual([
      ['p1', '0', '', 'true'],
      ['p1', '1', '', 'false'],
      ['c1', '', '3', 'true'],
      ['2', '', '', 'false'],
    ]);
    expect(rows[2]?.['output']).toBe('third answer');
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
