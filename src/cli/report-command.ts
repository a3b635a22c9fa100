// `ernie-eval report RUN_DIR`: re-render every report of a run record from the record alone
// (DESIGN.md §1): results.csv, samples.csv, summary.md, junit.xml, and (wired by the lead)
// report.html and the PNG charts. Published baselines come from baselines/ plus --baselines files.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/index.ts';
import {
  compareWithBaselines,
  evaluateGates,
  loadBaselineFile,
  loadBaselines,
  loadProfile,
  loadTaskMap,
  DEFAULT_BASELINES_DIR,
  TASK_MAP_FILE,
  runJunitXml,
  summaryMarkdown,
  writeCharts,
  writeHtmlReport,
  writeResultsCsv,
  writeSamplesCsv,
} from '../report/index.ts';
import { readRecord, writeFileAtomic } from '../store/index.ts';
import { parseCommand, stringOption } from './args.ts';
import { EXIT } from './exit-codes.ts';

export const REPORT_HELP = `Usage: ernie-eval report RUN_DIR [--out DIR] [--baselines FILE ...] [--profile FILE]

Re-renders the reports of a run record (manifest.json + samples.jsonl + results.json) without
running anything: results.csv, samples.csv, summary.md (fits $GITHUB_STEP_SUMMARY), junit.xml
(one test case per task and per gate), report.html and PNG charts.

Options:
  --out DIR          where to write (default: RUN_DIR itself)
  --baselines FILE   an extra baseline file in the baselines/ {source, entries} format (e.g. your
                     previous release); repeatable. The project's baselines/ are always loaded.
  --profile FILE     a run profile (runners/nightly/profile.json) whose gates become junit.xml cases
  --no-baselines     do not load the project's baselines/
Exit codes: 0 written (gates may still fail: see junit.xml), 1 a gate failed, 2 bad input.`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('report', argv, {
    out: { type: 'string' },
    baselines: { type: 'string', multiple: true },
    profile: { type: 'string' },
    'no-baselines': { type: 'boolean' },
  });
  if (values['help'] === true) {
    console.log(REPORT_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('report: give exactly one RUN_DIR (see `ernie-eval report --help`)');
  const runDir = resolve(positionals[0] as string);
  const outDir = resolve(stringOption(values['out']) ?? runDir);
  const extra = ((values['baselines'] as unknown as string[] | undefined) ?? []).map((f) => resolve(f));

  // Everything that can fail on bad input is read before anything is written.
  const record = await readRecord(runDir);
  const taskMap = await loadTaskMap(join(DEFAULT_BASELINES_DIR, TASK_MAP_FILE));
  const baselines =
    values['no-baselines'] === true
      ? (await Promise.all(extra.map((f) => loadBaselineFile(f, taskMap)))).flat()
      : await loadBaselines({ taskMap, extraFiles: extra });
  const profileFile = stringOption(values['profile']);
  const profile = profileFile === undefined ? undefined : await loadProfile(profileFile);

  const metricFor = (taskId: string): string | undefined => {
    for (const [, v] of taskMap.byBenchmark) if (v.taskId === taskId && v.metric !== undefined) return v.metric;
    return undefined;
  };
  const comparisons = record.results === null ? [] : compareWithBaselines(record.manifest, record.results, baselines, { metricFor });
  const gates = record.results === null ? [] : evaluateGates(profile?.gates ?? [], record.results);

  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, fn: (file: string) => Promise<void>): Promise<void> => {
    const file = join(outDir, name);
    await fn(file);
    written.push(file);
  };
  if (record.results !== null) {
    const results = record.results;
    await write('results.csv', (f) => writeResultsCsv(f, results));
  }
  await write('samples.csv', (f) => writeSamplesCsv(f, record.results, record.samples));
  await write('summary.md', (f) => writeFileAtomic(f, summaryMarkdown({ manifest: record.manifest, results: record.results, baselines: comparisons, gates, warnings: record.warnings })));
  const taskIds = Object.keys(record.manifest.tasks).sort();
  await write('junit.xml', (f) => writeFileAtomic(f, runJunitXml(record.manifest.runId, taskIds, record.results, gates)));

  // PNG charts first, so report.html can be opened beside them; without canvas they are skipped, said once.
  const charts = await writeCharts(record, outDir, comparisons);
  if (charts.skipped !== undefined) console.error(`ernie-eval: ${charts.skipped}`);
  written.push(...charts.files);
  written.push(await writeHtmlReport(record, { outFile: join(outDir, 'report.html'), comparisons }));

  for (const w of record.warnings) console.error(`ernie-eval: warning: ${w}`);
  for (const f of written) console.log(`Wrote ${f}`);
  const failed = gates.filter((g) => !g.passed);
  if (failed.length > 0) {
    for (const g of failed) console.error(`ernie-eval: gate failed: ${g.name}: ${g.message}`);
    return EXIT.regression;
  }
  return EXIT.ok;
}
