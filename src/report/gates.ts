// Gates of a profile checked against a run's results. A gate that names a task the run did not
// have fails (a nightly job that silently lost a task must not pass); "*" applies to every task.
import type { ResultsFile } from '../core/index.ts';
import type { Gate } from './profile.ts';
import type { GateResult } from './report-model.ts';

const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;

function checkOne(gate: Gate, taskId: string, results: ResultsFile): GateResult[] {
  const task = results.tasks[taskId];
  const label = (kind: string): string => `${taskId}: ${kind}`;
  if (task === undefined) return [{ name: label('present'), taskId, passed: false, message: `task ${taskId} is not in the run` }];
  const out: GateResult[] = [];
  if (gate.min !== undefined) {
    const metric = gate.metric ?? task.primaryMetric;
    const m = task.metrics[metric];
    const name = label(`${metric} >= ${pct(gate.min)}`);
    if (m === undefined) out.push({ name, taskId, passed: false, message: `metric ${metric} is not in the results` });
    else out.push({ name, taskId, passed: m.value >= gate.min, message: `${metric} = ${pct(m.value)} (n=${m.n}), minimum ${pct(gate.min)}` });
  }
  if (gate.maxErrorRate !== undefined) {
    const { errored, total } = task.coverage;
    const rate = total === 0 ? 1 : errored / total;
    out.push({ name: label(`error rate <= ${pct(gate.maxErrorRate)}`), taskId, passed: rate <= gate.maxErrorRate, message: `${errored} of ${total} samples errored (${pct(rate)}), maximum ${pct(gate.maxErrorRate)}` });
  }
  return out;
}

export function evaluateGates(gates: readonly Gate[], results: ResultsFile): GateResult[] {
  const out: GateResult[] = [];
  for (const gate of gates) {
    const tasks = gate.task === '*' ? Object.keys(results.tasks).sort() : [gate.task];
    for (const t of tasks) out.push(...checkOne(gate, t, results));
  }
  if (results.status !== 'complete') out.unshift({ name: 'run complete', taskId: null, passed: false, message: `run status is ${results.status}` });
  return out;
}
