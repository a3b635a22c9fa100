// Re-opening a record to resume it: torn tails are cut off (never parsed), damage elsewhere and
// records of another run are refused, and appends continue on a clean line.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecord, RecordWriter, scanFinishedSamples } from '../../../src/store/index.ts';
import { freshTempDir } from '../../support/tiny-models.ts';
import { manifest, scored } from './record-fixture.ts';

const m = manifest();
const expected = { runSpecHash: m.runSpecHash, fingerprint: m.model.fingerprint };

async function recordWith(n: number): Promise<string> {
  const dir = join(freshTempDir(), 'run');
  const writer = await RecordWriter.open(dir, m);
  for (let i = 0; i < n; i++) await writer.append(scored(String(i), i % 2));
  await writer.close();
  return dir;
}

describe('RecordWriter.reopen', () => {
  it('cuts a torn last line off the file and appends on a fresh line', async () => {
    const dir = await recordWith(3);
    const file = join(dir, 'samples.jsonl');
    const whole = readFileSync(file);
    appendFileSync(file, '{"schema":"ernie-eval/sample-result@1","task":"to');
    const { writer, samples, dropped } = await RecordWriter.reopen(dir, expected);
    expect(samples.map((s) => s.sampleId)).toEqual(['0', '1', '2']);
    expect(dropped).toMatch(/samples\.jsonl:4: torn last line dropped/);
    expect(readFileSync(file)).toEqual(whole);
    await writer.append(scored('3', 1));
    await writer.close();
    const record = await readRecord(dir);
    expect(record.warnings.filter((w) => !w.includes('results.json: missing'))).toEqual([]); // no torn line left
    expect(record.samples.map((s) => s.sampleId)).toEqual(['0', '1', '2', '3']);
  });

  it('drops a last line that ends in a newline but does not parse, and removes the earlier results.json', async () => {
    const dir = await recordWith(2);
    appendFileSync(join(dir, 'samples.jsonl'), '\u0000\u0000\u0000\n');
    writeFileSync(join(dir, 'results.json'), '{}');
    const { writer, samples, dropped } = await RecordWriter.reopen(dir, expected);
    await writer.close();
    expect(samples).toHaveLength(2);
    expect(dropped).toMatch(/unparsable last line dropped/);
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
  });

  it('refuses damage before the last line and a sample recorded twice', () => {
    const good = `${JSON.stringify(scored('1', 1))}\n`;
    expect(() => scanFinishedSamples('s.jsonl', Buffer.from(`not json\n${good}`))).toThrow(/s\.jsonl:1: not valid JSON .*only the last line may be torn/);
    expect(() => scanFinishedSamples('s.jsonl', Buffer.from(good + good))).toThrow(/s\.jsonl:2: task "toy" sample "1" is already recorded on line 1/);
    expect(scanFinishedSamples('s.jsonl', Buffer.from(''))).toEqual({ samples: [], goodBytes: 0, dropped: null });
  });

  it('refuses a record of another run or another model, leaving it untouched', async () => {
    const dir = await recordWith(1);
    const before = readFileSync(join(dir, 'samples.jsonl'));
    appendFileSync(join(dir, 'samples.jsonl'), '{"torn');
    await expect(RecordWriter.reopen(dir, { ...expected, runSpecHash: 'f'.repeat(64) })).rejects.toThrow(/that record is of a different run/);
    await expect(RecordWriter.reopen(dir, { ...expected, fingerprint: 'other' })).rejects.toThrow(/the model changed since that record was written/);
    expect(readFileSync(join(dir, 'samples.jsonl')).subarray(0, before.length)).toEqual(before);
    await expect(RecordWriter.reopen(join(dir, 'nope'), expected)).rejects.toThrow(/missing: not a run record folder/);
  });
});
