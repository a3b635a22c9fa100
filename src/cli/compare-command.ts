// `ernie-eval compare BASE_RUN NEW_RUN`: paired comparison of two run records, a verdict per task,
// and an exit code a CI job can gate on (1 on any regression, 2 on bad input).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isHarnessError, UsageError } from '../core/index.ts';
import { compareJunitXml, compareMarkdown, compareRuns, DEFAULT_THRESHOLDS, loadProfile, writeCompareHtml } from '../report/index.ts';
import { readRecord, writeFileAtomic, writeJsonAtomic } from '../store/index.ts';
import { parseCommand, stringOption } from './args.ts';
import { EXIT } from './exit-codes.ts';

export const COMPARE_HELP = `Usage: ernie-eval compare BASE_RUN NEW_RUN [--max-drop PTS] [--alpha A] [--profile FILE] [--out DIR]

Compares two run records task by task on the samples both have (matched by task + sample id):
the paired difference of the primary metric with a 95% interval and a two-sided p-value
(McNemar's exact test for 0/1 scores, a seeded paired bootstrap otherwise), efficiency deltas,
and a verdict per task. A task has regressed when it dropped by more than --max-drop points AND
the drop is significant at --alpha. Writes compare.md, compare-junit.xml and compare.json.

Options:
  --max-drop PTS   largest tolerated drop in points (default ${DEFAULT_THRESHOLDS.maxDropPoints}; profile: compare.maxDropPoints)
  --alpha A        significance level (default ${DEFAULT_THRESHOLDS.alpha}; profile: compare.alpha)
  --profile FILE   take the thresholds from a run profile (runners/nightly/profile.json);
                   flags given on the command line win
  --out DIR        where to write (default: NEW_RUN)
Exit codes: 0 no regression, 1 a task regressed, 2 bad input (records, flags, task versions differ).`;

function numberFlag(name: string, value: string | boolean | undefined, range: [number, number]): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < range[0] || n > range[1]) throw new UsageError(`--${name} must be a number in [${range[0]}, ${range[1]}], got "${String(value)}"`);
  return n;
}

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('compare', argv, {
    'max-drop': { type: 'string' },
    alpha: { type: 'string' },
    profile: { type: 'string' },
    out: { type: 'string' },
  });
  if (values['help'] === true) {
    console.log(COMPARE_HELP);
    return EXIT.ok;
  }
  try {
    if (positionals.length !== 2) throw new UsageError('compare: give BASE_RUN and NEW_RUN (see `ernie-eval compare --help`)');
    const maxDrop = numberFlag('max-drop', values['max-drop'], [0, 100]);
    const alpha = numberFlag('alpha', values['alpha'], [0, 1]);
    const profileFile = stringOption(values['profile']);
    const profile = profileFile === undefined ? undefined : await loadProfile(profileFile);
    const baseDir = resolve(positionals[0] as string);
    const newDir = resolve(positionals[1] as string);
    const [base, next] = await Promise.all([readRecord(baseDir), readRecord(newDir)]);
    const result = compareRuns(base, next, {
      maxDropPoints: maxDrop ?? profile?.compare.maxDropPoints ?? DEFAULT_THRESHOLDS.maxDropPoints,
      alpha: alpha ?? profile?.compare.alpha ?? DEFAULT_THRESHOLDS.alpha,
    });
    const outDir = resolve(stringOption(values['out']) ?? newDir);
    await mkdir(outDir, { recursive: true });
    const md = compareMarkdown(result);
    await writeJsonAtomic(join(outDir, 'compare.json'), result);
    await writeFileAtomic(join(outDir, 'compare.md'), md);
    await writeFileAtomic(join(outDir, 'compare-junit.xml'), compareJunitXml(result));
    await writeCompareHtml(base, next, result, { outFile: join(outDir, 'compare.html') });
    for (const w of [...base.warnings, ...next.warnings]) console.error(`ernie-eval: warning: ${w}`);
    for (const t of result.tasks) {
      console.log(`${t.taskId}: ${t.verdict} — ${t.metric} ${(t.base * 100).toFixed(2)}% -> ${(t.new * 100).toFixed(2)}% (${t.method}, n=${t.nShared}, p=${t.pValue.toPrecision(3)}); ${t.reason}`);
    }
    for (const u of result.unmatchedTasks) console.log(`${u.taskId}: only in the ${u.in} run, not compared`);
    for (const u of result.notPaired) console.log(`${u.taskId}: not compared: ${u.reason}`);
    console.log(`Wrote ${join(outDir, 'compare.md')}, compare.html, compare.json, compare-junit.xml`);
    return result.regressed ? EXIT.regression : EXIT.ok;
  } catch (err) {
    // Unreadable records are bad input here (exit 2), where main would call a RECORD error a failed run (3).
    if (isHarnessError(err) && err.code !== 'INTERNAL') {
      console.error(`ernie-eval: error [${err.code}]: ${err.message}`);
      return EXIT.badInput;
    }
    throw err;
  }
}
