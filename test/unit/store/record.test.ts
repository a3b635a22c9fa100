import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError, HarnessError } from '../../../src/core/index.ts';
import { buildResultsFile } from '../../../src/runner/index.ts';
import { readRecord, RecordWriter } from '../../../src/store/index.ts';
import { errored, manifest, scored, toySpec } from './record-fixture.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ernie-eval-record-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const samples = [scored('1', 1), scored('2', 0, { subset: 'x' }), errored('3')];
function results() {
  return buildResultsFile({
    runId: manifest().runId,
    status: 'complete',
    startedAt: new Date('2026-11-28T20:30:15Z'),
    endedAt: new Date('2026-11-28T20:31:15Z'),
    tasks: [{ spec: toySpec, samples }],
  });
}

async function writeRecord(dir: string): Promise<void> {
  const writer = await RecordWriter.open(dir, manifest());
  // Not awaited one by one: the writer must keep call order and whole lines anyway.
  const pending = samples.map((s) => writer.append(s));
  await Promise.all(pending);
  await writer.finish(results());
  await writer.close();
}

describe('RecordWriter / readRecord', () => {
  it('reads back exactly what was written', async () => {
    const dir = join(root, 'run');
    await writeRecord(dir);
    const record = await readRecord(dir);
    expect(record.manifest).toEqual(manifest());
    expect(record.samples).toEqual(samples);
    expect(record.results).toEqual(results());
    expect(record.warnings).toEqual([]);
  });

  it('keeps many un-awaited appends whole and in call order', async () => {
    const dir = join(root, 'run');
    const writer = await RecordWriter.open(dir, manifest());
    const many = Array.from({ length: 300 }, (_, i) => scored(String(i), i % 2, { prompt: `line\nbreaks and "quotes" ${'x'.repeat(i * 37)}` }));
    for (const s of many) void writer.append(s);
    await writer.flush();
    expect(writer.appended).toBe(300);
    await writer.close();
    const record = await readRecord(dir);
    expect(record.samples).toEqual(many);
  });

  it('leaves no .tmp files after finish', async () => {
    const dir = join(root, 'run');
    await writeRecord(dir);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['manifest.json', 'results.json', 'samples.jsonl']);
  });

  it('writes one line per sample', async () => {
    const dir = join(root, 'run');
    await writeRecord(dir);
    const text = await readFile(join(dir, 'samples.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n')).toHaveLength(samples.length);
  });

  it('drops a torn last line with a warning', async () => {
    const dir = join(root, 'run');
    await writeRecord(dir);
    await appendFile(join(dir, 'samples.jsonl'), '{"schema":"ernie-eval/sample-result@1","task":"to');
    const record = await readRecord(dir);
    expect(record.samples).toHaveLength(samples.length);
    expect(record.warnings).toHaveLength(1);
    expect(record.warnings[0]).toMatch(/samples\.jsonl:4: torn last line/);
  });

  it('throws on a bad line that is not the last, naming file and line', async () => {
    const dir = join(root, 'run');
    await writeRecord(dir);
    const file = join(dir, 'samples.jsonl');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    lines.splice(1, 0, '{"schema": "ernie-eval/sample-result@1", oops');
    await writeFile(file, `${lines.join('\n')}\n`);
    const err = await readRecord(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).line).toBe(2);
    expect((err as DataError).code).toBe('RECORD');
    expect((err as DataError).message).toContain('samples.jsonl:2');
  });

  it('refuses a foreign schema tag on the manifest and on a sample line', async () => {
    const dir = join(root, 'run');
    await writeRecord(dir);
    const manifestFile = join(dir, 'manifest.json');
    const original = await readFile(manifestFile, 'utf8');
    await writeFile(manifestFile, original.replace('ernie-eval/manifest@1', 'ernie-eval/manifest@2'));
    await expect(readRecord(dir)).rejects.toMatchObject({ code: 'RECORD', message: expect.stringMatching(/manifest@2.*not supported.*newer/) });

    await writeFile(manifestFile, original.replace('ernie-eval/manifest@1', 'lm-eval/results'));
    await expect(readRecord(dir)).rejects.toMatchObject({ code: 'RECORD' });

    await writeFile(manifestFile, original);
    const file = join(dir, 'samples.jsonl');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    lines[0] = (lines[0] ?? '').replace('sample-result@1', 'sample-result@0');
    await writeFile(file, `${lines.join('\n')}\n`);
    await expect(readRecord(dir)).rejects.toMatchObject({ code: 'RECORD', line: 1, message: expect.stringMatching(/older/) });
  });

  it('reads a record whose run never finished (no results.json)', async () => {
    const dir = join(root, 'run');
    const writer = await RecordWriter.open(dir, manifest());
    await writer.append(samples[0]!);
    await writer.flush();
    await writer.close();
    const record = await readRecord(dir);
    expect(record.results).toBeNull();
    expect(record.samples).toHaveLength(1);
    expect(record.warnings[0]).toMatch(/results\.json: missing/);
  });

  it('refuses to open a folder that already holds a record and appends after finish', async () => {
    const dir = join(root, 'run');
    await writeRecord(dir);
    await expect(RecordWriter.open(dir, manifest())).rejects.toMatchObject({ code: 'RECORD' });

    const other = join(root, 'other');
    const writer = await RecordWriter.open(other, manifest());
    await writer.finish(results());
    await expect(writer.append(samples[0]!)).rejects.toBeInstanceOf(HarnessError);
    await writer.close();
    await writer.close();
  });

  it('refuses results of another run', async () => {
    const writer = await RecordWriter.open(join(root, 'run'), manifest());
    await expect(writer.finish({ ...results(), runId: 'someone-else' })).rejects.toMatchObject({ code: 'RECORD' });
    await writer.close();
  });

  it('reports a missing record folder with code RECORD', async () => {
    await expect(readRecord(join(root, 'nope'))).rejects.toMatchObject({ code: 'RECORD' });
  });
});
