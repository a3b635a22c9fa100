import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildResultsFile } from '../../../src/runner/index.ts';
import {
  compareWithBaselines,
  DEFAULT_BASELINES_DIR,
  loadBaselineFile,
  loadBaselines,
  loadTaskMap,
  matchSetting,
  parseSetting,
} from '../../../src/report/index.ts';
import { freshTempDir } from '../../support/tiny-models.ts';
import { manifest, scored } from '../store/record-fixture.ts';

const SHARED = join(DEFAULT_BASELINES_DIR, '..', '..', 'shared', 'baselines');
const sharedPresent = existsSync(SHARED);

interface RawFile {
  source: Record<string, string>;
  entries: { model: string; benchmark: string; value: number; metric: string; setting: string; table?: string; notes?: string }[];
}
const readRaw = (f: string): RawFile => JSON.parse(readFileSync(f, 'utf8')) as RawFile;

describe('baselines registry', () => {
  it('loads every project baseline file, each entry with its source document and table', async () => {
    const all = await loadBaselines();
    expect(all.length).toBeGreaterThan(2000);
    for (const b of all) {
      expect(b.source.title.length).toBeGreaterThan(0);
      expect(b.source.url.length).toBeGreaterThan(0);
      expect(existsSync(b.source.file)).toBe(true);
      expect(Number.isFinite(b.value)).toBe(true);
    }
  });

  it.skipIf(!sharedPresent)(`carries every number unchanged from ../shared/baselines (skipped when ${SHARED} is absent)`, async () => {
    const taskMap = await loadTaskMap();
    const sharedFiles = readdirSync(SHARED).filter((f) => f.endsWith('.json')).sort();
    expect(sharedFiles.length).toBeGreaterThan(0);
    for (const name of sharedFiles) {
      const ours = join(DEFAULT_BASELINES_DIR, name);
      expect(existsSync(ours), `${name} is carried into baselines/`).toBe(true);
      const src = readRaw(join(SHARED, name));
      const raw = readRaw(ours);
      expect(raw.source).toEqual(src.source);
      expect(raw.entries).toEqual(src.entries);
      const loaded = await loadBaselineFile(ours, taskMap);
      expect(loaded).toHaveLength(src.entries.length);
      loaded.forEach((b, i) => {
        const e = src.entries[i];
        expect([b.model, b.benchmark, b.value, b.metric, b.setting, b.source.table]).toEqual([e?.model, e?.benchmark, e?.value, e?.metric, e?.setting, e?.table ?? '']);
        expect(b.source.title).toBe(src.source['title']);
        expect(b.source.url).toBe(src.source['url_or_repo']);
      });
    }
  });

  it('reads shots, CoT and thinking out of the sources\' setting text', () => {
    expect(parseSetting('8-shot')).toEqual({ shots: 8 });
    expect(parseSetting('4-shot, CoT')).toEqual({ shots: 4, chainOfThought: true });
    expect(parseSetting("simple-evals zero-shot chain-of-thought prompting ('Solve ...')")).toEqual({ shots: 0, chainOfThought: true });
    expect(parseSetting('non-thinking mode; T=0.7')).toEqual({ thinking: false });
    expect(parseSetting('not stated')).toEqual({});
    expect(matchSetting({ shots: 5, chainOfThought: false }, { shots: 5, chainOfThought: false }).match).toBe('exact');
    expect(matchSetting({ shots: 8, chainOfThought: true }, { shots: 8 }).match).toBe('close');
    expect(matchSetting({ shots: 8, chainOfThought: true }, { shots: 4, chainOfThought: true }).match).toBe('different');
  });

  it('keeps both DeepSeek-V3-Base GSM8K numbers and lets our 8-shot CoT protocol pick the 8-shot one', async () => {
    const all = await loadBaselines();
    const dsGsm = all.filter((b) => b.model === 'DeepSeek-V3-Base' && b.taskId === 'gsm8k');
    const bySource = new Map(dsGsm.map((b) => [b.source.file.split('/').pop(), b]));
    expect(bySource.get('deepseek-v3-readme.json')?.parsedSetting.shots).toBe(8);
    expect(bySource.get('qwen3-tech-report.json')?.parsedSetting).toEqual({ shots: 4, chainOfThought: true });

    const m = manifest('run-gsm');
    m.tasks = { gsm8k: { version: '1.0', protocol: { shots: 8, chainOfThought: true, requestKind: 'generate', source: 'test' } } };
    const spec = { id: 'gsm8k', version: '1.0', metrics: [{ name: 'exact_match,strict-match', higherIsBetter: true, description: '' }], primaryMetric: 'exact_match,strict-match' };
    const samples = ['1', '2', '3', '4'].map((id, i) => ({ ...scored(id, i < 3 ? 1 : 0, { task: 'gsm8k' }), score: { values: { 'exact_match,strict-match': i < 3 ? 1 : 0 } } }));
    const results = buildResultsFile({ runId: 'run-gsm', status: 'complete', startedAt: new Date(0), endedAt: new Date(1), tasks: [{ spec, samples }] });
    const rows = compareWithBaselines(m, results, all).filter((r) => r.baseline.model === 'DeepSeek-V3-Base');
    expect(rows).toHaveLength(dsGsm.length);
    const preferred = rows.filter((r) => r.preferred);
    expect(preferred).toHaveLength(1);
    expect(preferred[0]?.baseline.source.file.endsWith('deepseek-v3-readme.json')).toBe(true);
    expect(preferred[0]?.settingMatch).toBe('close');
    const qwen = rows.find((r) => r.baseline.source.file.endsWith('qwen3-tech-report.json'));
    expect(qwen?.settingMatch).toBe('different');
    expect(qwen?.reason).toContain('4-shot vs our 8-shot');
    // Delta on the source's (percent) scale: ours 75% minus the published value.
    const pub = preferred[0]?.baseline.value as number;
    expect(preferred[0]?.delta).toBeCloseTo(75 - pub, 10);
  });

  it("compares a number about one subset (AIME'24, AIME'25) with that subset's score, one preferred per model and subset", async () => {
    const all = await loadBaselines();
    const aime = all.filter((b) => b.taskId === 'aime');
    expect(new Set(aime.map((b) => b.subset))).toEqual(new Set(['aime24', 'aime25']));
    const m = manifest('run-aime');
    m.tasks = { aime: { version: '1.0', protocol: { shots: 0, chainOfThought: true, requestKind: 'generate', source: 'test' } } };
    const spec = { id: 'aime', version: '1.0', metrics: [{ name: 'acc', higherIsBetter: true, description: '' }], primaryMetric: 'acc' };
    // aime24: 1 of 2 right (50%); aime25: 2 of 2 (100%).
    const samples = [['a', 'aime24', 1], ['b', 'aime24', 0], ['c', 'aime25', 1], ['d', 'aime25', 1]].map(([id, subset, v]) => ({ ...scored(id as string, v as number, { task: 'aime' }), subset: subset as string, score: { values: { acc: v as number } } }));
    const results = buildResultsFile({ runId: 'run-aime', status: 'complete', startedAt: new Date(0), endedAt: new Date(1), tasks: [{ spec, samples }] });
    const rows = compareWithBaselines(m, results, all);
    const row24 = rows.find((r) => r.baseline.subset === 'aime24' && r.baseline.scale === 'percent');
    const row25 = rows.find((r) => r.baseline.subset === 'aime25' && r.baseline.scale === 'percent');
    expect(row24?.ours.value).toBe(0.5);
    expect(row25?.ours.value).toBe(1);
    expect(row24?.delta).toBeCloseTo(50 - (row24?.baseline.value as number), 10);
    const preferredKeys = rows.filter((r) => r.preferred).map((r) => `${r.baseline.model}/${r.baseline.subset}`);
    expect(new Set(preferredKeys).size).toBe(preferredKeys.length);
  });

  it('compares OCRBench scores (correct answers out of 1,000) with our accuracy × 1000', async () => {
    const all = await loadBaselines();
    const ocr = all.filter((b) => b.taskId === 'ocrbench');
    expect(ocr.length).toBeGreaterThan(0);
    expect(ocr.every((b) => b.scale === 'permille')).toBe(true);
    const m = manifest('run-ocr');
    m.tasks = { ocrbench: { version: '1.0', protocol: { shots: 0, chainOfThought: false, requestKind: 'generate', source: 'test' } } };
    const spec = { id: 'ocrbench', version: '1.0', metrics: [{ name: 'acc', higherIsBetter: true, description: '' }], primaryMetric: 'acc' };
    const samples = ['1', '2', '3', '4'].map((id, i) => ({ ...scored(id, i < 3 ? 1 : 0, { task: 'ocrbench' }), score: { values: { acc: i < 3 ? 1 : 0 } } }));
    const results = buildResultsFile({ runId: 'run-ocr', status: 'complete', startedAt: new Date(0), endedAt: new Date(1), tasks: [{ spec, samples }] });
    const row = compareWithBaselines(m, results, ocr)[0];
    expect(row?.delta).toBeCloseTo(750 - (row?.baseline.value as number), 10);
  });

  it('loads a user baseline file in the same format, and names file and field of a malformed one', async () => {
    const dir = freshTempDir();
    const good = join(dir, 'previous-release.json');
    writeFileSync(good, JSON.stringify({ source: { title: 'Our release 1.2', url_or_repo: 'https://example.invalid/release-1.2', path: 'reports/1.2', status: 'user' }, entries: [{ model: 'ours-1.2', benchmark: 'GSM8K', value: 61.5, metric: 'EM', setting: '8-shot CoT' }, { model: 'ours-1.2', benchmark: 'house-qa', task: 'mmlu', value: 0.5, scale: 'fraction', metric: 'acc', setting: '5-shot' }] }));
    const all = await loadBaselines({ extraFiles: [good] });
    const mine = all.filter((b) => b.source.file === good);
    expect(mine.map((b) => [b.taskId, b.scale, b.parsedSetting])).toEqual([
      ['gsm8k', 'percent', { shots: 8, chainOfThought: true }],
      ['mmlu', 'fraction', { shots: 5 }],
    ]);
    const taskMap = await loadTaskMap();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ source: { title: 'x', url_or_repo: 'y' }, entries: [{ model: 'm', benchmark: 'GSM8K', value: '61.5', metric: 'EM', setting: '8-shot' }] }));
    await expect(loadBaselineFile(bad, taskMap)).rejects.toThrow(`${bad}: entries[0].value: must be a finite number`);
    writeFileSync(bad, JSON.stringify({ source: { url_or_repo: 'y' }, entries: [] }));
    await expect(loadBaselineFile(bad, taskMap)).rejects.toThrow(`${bad}: source.title: must be a non-empty string`);
    writeFileSync(bad, '{"source": ');
    await expect(loadBaselineFile(bad, taskMap)).rejects.toMatchObject({ code: 'DATA_MALFORMED', file: bad });
  });
});
