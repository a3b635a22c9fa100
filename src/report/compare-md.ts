// compare.md: the verdict table of `compare`, sized for $GITHUB_STEP_SUMMARY, with efficiency
// deltas and the first flipped samples of each regressed task (the rest are in compare.json).
import { fmt, mdCell, mdTable } from './markdown.ts';
import type { CompareResult, EfficiencyDelta } from './report-model.ts';

const pts = (v: number): string => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}`;
const FLIPPED_SHOWN = 20;

function effRows(e: readonly EfficiencyDelta[]): string[][] {
  return e.map((d) => [d.name, fmt(d.base, 3), fmt(d.new, 3), d.diff === null ? 'n/a' : `${d.diff >= 0 ? '+' : ''}${d.diff.toFixed(3)}`, d.relative === null ? 'n/a' : `${d.relative >= 0 ? '+' : ''}${(d.relative * 100).toFixed(1)}%`, d.higherIsBetter ? 'higher' : 'lower']);
}

export function compareMarkdown(c: CompareResult): string {
  const lines = [
    `## ernie-eval compare: ${c.regressed ? '**REGRESSION**' : 'no regression'}`,
    '',
    `Base \`${mdCell(c.base.runId)}\` (${mdCell(c.base.model)}) → new \`${mdCell(c.new.runId)}\` (${mdCell(c.new.model)}). Regressed = drop > ${c.thresholds.maxDropPoints} pts and p < ${c.thresholds.alpha}.`,
    '',
    ...mdTable(
      ['task', 'metric', 'n shared', 'base %', 'new %', 'diff pts', '95% CI pts', 'p', 'test', 'verdict', 'why'],
      c.tasks.map((t) => [t.taskId, t.metric, String(t.nShared), (t.base * 100).toFixed(2), (t.new * 100).toFixed(2), pts(t.diff), `[${pts(t.ci95[0])}, ${pts(t.ci95[1])}]`, t.pValue.toPrecision(3), t.method, t.verdict === 'regressed' ? '**regressed**' : t.verdict, t.reason]),
    ),
    '',
  ];
  for (const u of c.unmatchedTasks) lines.push(`- ${mdCell(u.taskId)}: only in the ${u.in} run, not compared`);
  for (const u of c.notPaired) lines.push(`- ${mdCell(u.taskId)}: not compared: ${mdCell(u.reason)}`);
  lines.push('### Efficiency (whole run)', '', ...mdTable(['metric', 'base', 'new', 'diff', 'relative', 'better'], effRows(c.efficiency)), '');
  for (const t of c.tasks.filter((x) => x.verdict === 'regressed')) {
    const broken = t.flipped.filter((f) => f.direction === 'broken');
    lines.push(`### ${mdCell(t.taskId)}: ${broken.length} broken, ${t.flipped.length - broken.length} fixed${t.flippedOmitted > 0 ? ` (+${t.flippedOmitted} not listed)` : ''}`, '');
    lines.push(broken.slice(0, FLIPPED_SHOWN).map((f) => `\`${mdCell(f.sampleId)}\``).join(', ') + (broken.length > FLIPPED_SHOWN ? ', ...' : ''), '');
  }
  return `${lines.join('\n')}\n`;
}
