// JUnit XML, the test-report format every CI system renders: one testcase per task (fails when
// the task has no results) and one per gate (fails when the gate fails); for `compare`, one per
// task (fails on a regression). Model output never goes in here, but task ids and messages are
// still escaped: a record is untrusted input.
import type { ResultsFile } from '../core/index.ts';
import type { CompareResult, GateResult } from './report-model.ts';

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright are dropped; the five specials become entities.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface JunitCase {
  classname: string;
  name: string;
  /** Failure message; undefined when the case passed. */
  failure?: string;
  /** Body text shown with the case (passed or not). */
  output?: string;
}

export function junitXml(suiteName: string, cases: readonly JunitCase[]): string {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${escapeXml(suiteName)}" tests="${cases.length}" failures="${failures}">`, `  <testsuite name="${escapeXml(suiteName)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`];
  for (const c of cases) {
    const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"`;
    if (c.failure === undefined && c.output === undefined) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    if (c.failure !== undefined) lines.push(`      <failure message="${escapeXml(c.failure)}">${escapeXml(c.failure)}</failure>`);
    if (c.output !== undefined) lines.push(`      <system-out>${escapeXml(c.output)}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;

/** report's junit.xml: a case per task of the manifest, and a case per gate. */
export function runJunitXml(runId: string, taskIds: readonly string[], results: ResultsFile | null, gates: readonly GateResult[]): string {
  const cases: JunitCase[] = taskIds.map((id) => {
    const t = results?.tasks[id];
    if (t === undefined) return { classname: 'ernie-eval.task', name: id, failure: results === null ? 'run did not finish (no results.json)' : 'no results for this task' };
    const m = t.metrics[t.primaryMetric];
    const summary = m === undefined ? `${t.primaryMetric}: none` : `${t.primaryMetric} = ${pct(m.value)} [${pct(m.ci95[0])}, ${pct(m.ci95[1])}] n=${m.n}`;
    return { classname: 'ernie-eval.task', name: id, output: `${summary}; coverage ${t.coverage.answered}/${t.coverage.total} answered, ${t.coverage.errored} errored` };
  });
  for (const g of gates) cases.push({ classname: 'ernie-eval.gate', name: g.name, ...(g.passed ? { output: g.message } : { failure: g.message }) });
  return junitXml(`ernie-eval ${runId}`, cases);
}

/** compare-junit.xml: a case per compared task; a regression is a failure. */
export function compareJunitXml(c: CompareResult): string {
  const cases: JunitCase[] = c.tasks.map((t) => {
    const text = `${t.verdict}: ${t.metric} ${pct(t.base)} -> ${pct(t.new)} (diff ${(t.diff * 100).toFixed(2)} pts, 95% CI [${(t.ci95[0] * 100).toFixed(2)}, ${(t.ci95[1] * 100).toFixed(2)}], p=${t.pValue.toPrecision(3)}, ${t.method}, n=${t.nShared}); ${t.reason}`;
    return { classname: 'ernie-eval.compare', name: t.taskId, ...(t.verdict === 'regressed' ? { failure: text } : { output: text }) };
  });
  for (const u of c.unmatchedTasks) cases.push({ classname: 'ernie-eval.compare', name: u.taskId, output: `only in the ${u.in} run; not compared` });
  for (const u of c.notPaired) cases.push({ classname: 'ernie-eval.compare', name: u.taskId, output: `not compared: ${u.reason}` });
  return junitXml(`ernie-eval compare ${c.base.runId} -> ${c.new.runId}`, cases);
}
