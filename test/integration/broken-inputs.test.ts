// The broken-input corpus: each bad file gives a coded error naming the culprit — one line, exit
// code 2 through the CLI, no stack trace — and no output file is left half-written.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { readCsv, readJsonl } from '../../src/task/readers/index.ts';
import { freshTempDir } from '../support/tiny-models.ts';

const cli = runCli;

function file(name: string, content: string | Buffer): string {
  const path = join(freshTempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('dataset files', () => {
  it('truncated JSONL (cut mid-line) names the file and line', async () => {
    const path = file('data.jsonl', '{"q": "a", "a": 1}\n{"q": "b", "a": 2}\n{"q": "c", "a"');
    await expect(readJsonl(path)).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: expect.stringContaining(`${path}:3`) as unknown });
  });

  // A CSV row with the wrong column count: readCsv is format-generic (ragged rows parse), and each
  // task checks its own columns with expectColumns; through the CLI: cli-run.test.ts ('names file
  // and line of an MMLU CSV row with a wrong column count').

  it('invalid UTF-8 is refused with the file and line, not decoded to U+FFFD', async () => {
    const path = file('data.jsonl', Buffer.concat([Buffer.from('{"q": "ok"}\n{"q": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]));
    await expect(readJsonl(path)).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: `${path}:2: invalid UTF-8 (the file must be UTF-8 encoded)` });
    const csv = file('data.csv', Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff]), Buffer.from('\n')]));
    await expect(readCsv(csv, { header: true })).rejects.toMatchObject({ message: expect.stringContaining(`${csv}:3: invalid UTF-8`) as unknown });
  });
});

describe('run records given to report, compare and merge', () => {
  function foreignRecord(): string {
    const dir = freshTempDir('ernie-eval-foreign-');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ schema: 'ernie-eval/manifest@99', runId: 'x' }));
    writeFileSync(join(dir, 'samples.jsonl'), '');
    writeFileSync(join(dir, 'results.json'), JSON.stringify({ schema: 'ernie-eval/results@99' }));
    return dir;
  }

  function expectRefused(result: { code: number; stderr: string }, culprit: string): void {
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(culprit);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }

  it('report refuses a record with a foreign schema version and writes nothing', async () => {
    const a = foreignRecord();
    const out = freshTempDir();
    expectRefused(await cli(['report', a, '--out', out]), 'manifest.json');
    expect(readdirSync(out)).toEqual([]);
  });

  it('compare refuses a record with a foreign schema version', async () => {
    const a = foreignRecord();
    expectRefused(await cli(['compare', a, a]), 'manifest.json');
  });

  it('merge refuses a foreign shard and leaves no output', async () => {
    const a = foreignRecord();
    const out = join(freshTempDir(), 'merged');
    expectRefused(await cli(['merge', out, a, a]), 'manifest.json');
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});

// Model directories (a config.json with negative sizes, an ONNX file that is text, a tokenizer that
// does not parse, a missing field) are covered through the CLI in test/integration/cli-run.test.ts
// and test/unit/model/model-dir.test.ts.
