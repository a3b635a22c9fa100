// The CLI end to end, in-process: `run --suite smoke` on the embedded default writes a complete
// record; bad input gives one line and exit code 2.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TASKS_ROOT } from '../../src/task/index.ts';
import { runCli } from '../support/cli.ts';
import { freshTempDir, tinyModelDir } from '../support/tiny-models.ts';


const cli = runCli;

function recordDir(stdout: string): string {
  const match = /^Record: (.+)$/m.exec(stdout);
  if (match?.[1] === undefined) throw new Error(`no record path in output:\n${stdout}`);
  return match[1];
}

describe('ernie-eval run', () => {
  const previousCache = process.env['ERNIE_EVAL_CACHE'];
  beforeAll(() => {
    process.env['ERNIE_EVAL_CACHE'] = freshTempDir('ernie-eval-cache-');
  });
  afterEach(() => {
    if (previousCache === undefined) delete process.env['ERNIE_EVAL_CACHE'];
    else process.env['ERNIE_EVAL_CACHE'] = previousCache;
    process.env['ERNIE_EVAL_CACHE'] = process.env['ERNIE_EVAL_CACHE'] ?? freshTempDir('ernie-eval-cache-');
  });

  it('runs the smoke suite on the embedded default and writes a complete record', async () => {
    const out = freshTempDir();
    const result = await cli(['run', '--suite', 'smoke', '--no-cache', '--out', out, '--workers', '2']);
    expect(result.stderr).toContain('using the embedded default');
    expect(result.code).toBe(0);
    const dir = recordDir(result.stdout);
    for (const file of ['manifest.json', 'samples.jsonl', 'results.json', 'results.csv']) expect(existsSync(join(dir, file))).toBe(true);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { status: string; tasks: Record<string, { coverage: { total: number; answered: number }; metrics: Record<string, { n: number; value: number }> }> };
    expect(results.status).toBe('complete');
    expect(Object.keys(results.tasks).sort()).toEqual(['gsm8k', 'mmlu']);
    const lines = readFileSync(join(dir, 'samples.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { task: string; timing?: { totalMs: number }; tokens?: { prompt: number }; score?: { values: Record<string, number> } });
    for (const [task, r] of Object.entries(results.tasks)) {
      expect(r.coverage.total).toBe(lines.filter((l) => l.task === task).length);
      expect(r.coverage.answered).toBe(r.coverage.total);
      for (const m of Object.values(r.metrics)) expect(m.n).toBe(r.coverage.total);
    }
    // Accuracy and efficiency of the same requests: every line has its score, timing and tokens.
    expect(lines.every((l) => l.score !== undefined && (l.timing?.totalMs ?? -1) >= 0 && (l.tokens?.prompt ?? 0) > 0)).toBe(true);
    // The scores are recomputable from the record alone: mean of per-sample values = reported metric.
    const mmluAcc = lines.filter((l) => l.task === 'mmlu').map((l) => l.score?.values['acc'] ?? NaN);
    expect(results.tasks['mmlu']?.metrics['acc']?.value).toBeCloseTo(mmluAcc.reduce((a, b) => a + b, 0) / mmluAcc.length, 12);
  });

  it('gives the same scores with 1 worker and 2 workers, and with another batch size', async () => {
    const scores = async (extra: string[]) => {
      // --no-cache: each configuration must compute its answers, not read the other's from the cache.
      const result = await cli(['run', '--suite', 'smoke', '--no-cache', '--out', freshTempDir(), ...extra]);
      expect(result.code).toBe(0);
      const lines = readFileSync(join(recordDir(result.stdout), 'samples.jsonl'), 'utf8').trim().split('\n');
      return lines
        .map((l) => JSON.parse(l) as { task: string; sampleId: string; score: unknown; completion: { logprobs?: number[]; text?: string } })
        .map((l) => ({ id: `${l.task}/${l.sampleId}`, score: l.score, text: l.completion.text, lp: l.completion.logprobs ?? [] }))
        .sort((a, b) => a.id.localeCompare(b.id));
    };
    const one = await scores(['--workers', '1', '--batch-size', '1']);
    const two = await scores(['--workers', '2', '--batch-size', '8']);
    // Scores and generated text identical; log-likelihoods equal up to float noise of padding.
    expect(two.map(({ lp: _lp, ...rest }) => rest)).toEqual(one.map(({ lp: _lp, ...rest }) => rest));
    const deltas = two.flatMap((row, i) => row.lp.map((x, j) => Math.abs(x - (one[i]?.lp[j] ?? NaN))));
    expect(deltas.length).toBeGreaterThan(20);
    expect(Math.max(...deltas)).toBeLessThan(1e-4);
  });
});

describe('failures are data', () => {
  it('records each failed sample with its error (missing and corrupt images, broken TSV base64), and --max-errors stops a broken run with exit code 3', async () => {
    const { cpSync, rmSync } = await import('node:fs');
    // MathVision's bundled items in the official layout, with one image deleted and one corrupted.
    const data = freshTempDir();
    cpSync(join(TASKS_ROOT, 'mathvision', 'fixtures'), join(data, 'mathvision'), { recursive: true });
    cpSync(join(TASKS_ROOT, 'mmlu', 'fixtures'), join(data, 'mmlu'), { recursive: true });
    rmSync(join(data, 'mathvision', 'images', '2.jpg'));
    writeFileSync(join(data, 'mathvision', 'images', '3.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]));
    const model = await tinyModelDir('ernie4_5_vl');
    const tolerant = await cli(['run', '--tasks', 'mathvision,mmlu', '--model', model, '--data-dir', data, '--out', freshTempDir(), '--workers', '1', '--limit', '4']);
    expect(tolerant.code, tolerant.stderr).toBe(0); // no budget given: the run completes, failures counted
    const record = recordDir(tolerant.stdout);
    const lines = readFileSync(join(record, 'samples.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { task: string; sampleId: string; error?: { code: string; message: string }; images?: { sha256: string }[] });
    const vision = new Map(lines.filter((l) => l.task === 'mathvision').map((l) => [l.sampleId, l]));
    expect(vision.get('2')?.error).toMatchObject({ code: 'IMAGE' });
    expect(vision.get('2')?.error?.message).toMatch(/images\/2\.jpg: image file not found/);
    expect(vision.get('3')?.error).toMatchObject({ code: 'IMAGE' });
    expect(vision.get('1')?.error).toBeUndefined();
    expect(vision.get('1')?.images?.[0]?.sha256).toMatch(/^[0-9a-f]{64}$/); // the pixels it saw
    const results = JSON.parse(readFileSync(join(record, 'results.json'), 'utf8')) as { tasks: Record<string, { coverage: { errored: number; answered: number } }> };
    expect(results.tasks['mathvision']?.coverage).toMatchObject({ errored: 2, answered: vision.size - 2 });
    expect(results.tasks['mmlu']?.coverage.errored).toBe(0); // other tasks are unaffected

    // A VLMEvalKit TSV row whose base64 image is broken loads, then fails alone.
    const tsv = join(data, 'mmbench', 'MMBench_DEV_EN.tsv');
    cpSync(join(TASKS_ROOT, 'mmbench', 'fixtures'), join(data, 'mmbench'), { recursive: true });
    const rows = readFileSync(tsv, 'utf8').split('\n');
    const cells = (rows[1] as string).split('\t');
    const brokenIndex = cells[0] as string;
    cells[9] = `${(cells[9] as string).slice(0, 40)}*&^%${(cells[9] as string).slice(44)}`;
    rows[1] = cells.join('\t');
    writeFileSync(tsv, rows.join('\n'));
    const mixed = await cli(['run', '--tasks', 'mmbench', '--model', model, '--data-dir', data, '--out', freshTempDir(), '--workers', '1', '--max-tokens', '8']);
    expect(mixed.code, mixed.stderr).toBe(0);
    const mmbench = readFileSync(join(recordDir(mixed.stdout), 'samples.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { sampleId: string; error?: { code: string; message: string } });
    const failed = mmbench.filter((l) => l.error !== undefined);
    // The row and its circular rotations, which refer to its image by index (VLMEvalKit's layout).
    expect(failed.map((l) => l.sampleId)).toContain(brokenIndex);
    expect(failed.every((l) => l.error?.code === 'IMAGE' && Number(l.sampleId) % 1e6 === Number(brokenIndex))).toBe(true);
    expect(mmbench.some((l) => l.error === undefined)).toBe(true);
    expect(failed[0]?.error?.message).toMatch(/not valid base64/);
    expect(mmbench.length).toBeGreaterThan(1);

    rmSync(join(data, 'mathvision', 'images'), { recursive: true });
    const strict = await cli(['run', '--tasks', 'mathvision', '--model', model, '--data-dir', data, '--out', freshTempDir(), '--workers', '1', '--batch-size', '1', '--max-errors', '2']);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain('run aborted: more than 2 samples failed');
    const aborted = JSON.parse(readFileSync(join(recordDir(strict.stdout), 'results.json'), 'utf8')) as { status: string };
    expect(aborted.status).toBe('aborted');
  });
});

describe('bad input: one line, exit code 2, no stack trace', () => {
  it('suggests the closest task names for an unknown task', async () => {
    const result = await cli(['run', '--tasks', 'mmlv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ernie-eval: error [UNKNOWN_TASK]: unknown task "mmlv"; did you mean mmlu, cmmlu, mme? (see `ernie-eval list`)');
  });

  it('names file and line of a malformed JSONL row in --data-dir', async () => {
    const data = freshTempDir();
    mkdirSync(join(data, 'gsm8k'));
    writeFileSync(join(data, 'gsm8k', 'test.jsonl'), '{"question": "1+1?", "answer": "2\\n#### 2"}\n{"question": "broken", \n');
    const result = await cli(['run', '--tasks', 'gsm8k', '--data-dir', data, '--model', await tinyModelDir('ernie4_5'), '--out', freshTempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ernie-eval: error \[DATA_MALFORMED\]: .*gsm8k\/test\.jsonl:2: /);
    expect(result.stderr).not.toContain('    at ');
  });

  it('names file and line of an MMLU CSV row with a wrong column count', async () => {
    const data = freshTempDir();
    mkdirSync(join(data, 'mmlu', 'data', 'dev'), { recursive: true });
    mkdirSync(join(data, 'mmlu', 'data', 'test'), { recursive: true });
    const row = (q: string) => `"${q}",one,two,three,four,A`;
    writeFileSync(join(data, 'mmlu', 'data', 'dev', 'virology_dev.csv'), `${[1, 2, 3, 4, 5].map((i) => row(`dev ${i}`)).join('\n')}\n`);
    writeFileSync(join(data, 'mmlu', 'data', 'test', 'virology_test.csv'), `${row('fine')}\n"short row",one,two,A\n`);
    const result = await cli(['run', '--tasks', 'mmlu', '--data-dir', data, '--model', await tinyModelDir('ernie4_5'), '--out', freshTempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ernie-eval: error \[DATA_MALFORMED\]: .*mmlu\/data\/test\/virology_test\.csv:2: expected 6 columns, found 4/);
  });

  it('names the culprit for a missing model.onnx, a broken tokenizer.json and a config missing a field', async () => {
    const { cpSync, rmSync } = await import('node:fs');
    const base = await tinyModelDir('ernie4_5');
    const cases: [string, (dir: string) => void, RegExp][] = [
      ['missing model.onnx', (d) => rmSync(join(d, 'onnx', 'model.onnx')), /\[MODEL_MISSING\]: .*onnx\/model\.onnx: no fp32 variant/],
      ['broken tokenizer', (d) => writeFileSync(join(d, 'tokenizer.json'), '{oops'), /\[TOKENIZER\]: .*tokenizer\.json: not valid JSON/],
      ['config field', (d) => writeFileSync(join(d, 'config.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(base, 'config.json'), 'utf8')), hidden_size: undefined })), /\[CONFIG_INVALID\]: .*config\.json: field "hidden_size" missing/],
      ['text onnx', (d) => writeFileSync(join(d, 'onnx', 'model.onnx'), 'not a model'), /\[MODEL_CORRUPT\]: .*model\.onnx: onnxruntime cannot load it/],
    ];
    for (const [name, breakIt, expected] of cases) {
      const dir = join(freshTempDir(), 'model');
      cpSync(base, dir, { recursive: true });
      breakIt(dir);
      const result = await cli(['run', '--tasks', 'mmlu', '--model', `onnx:${dir}`, '--out', freshTempDir(), '--workers', '1']);
      expect(result.code, name).toBe(2);
      expect(result.stderr.split('\n').filter((l) => l.startsWith('ernie-eval: error')), name).toHaveLength(1);
      expect(result.stderr, name).toMatch(expected);
    }
  });

  it('rejects unknown flags and bad values with a usage error', async () => {
    expect((await cli(['run', '--suite', 'smoke', '--wokers', '2'])).stderr).toContain("Unknown option '--wokers'");
    const bad = await cli(['run', '--suite', 'smoke', '--limit', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ernie-eval: error [USAGE]: --limit must be an integer ≥ 1, got "ten"');
  });
});
