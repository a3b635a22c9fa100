// The "bare loop" of bench/efficiency.ts §4, run in a worker thread as the pool's sessions are: one
// OnnxModel, the given batches answered one after another and timed inside the worker, nothing
// else (no runner, scoring or records; piscina only carries the batches in and the seconds out).
// The pool's sessions run in worker threads, so the bare loop does too: the two sides then differ
// only by what the harness adds, not by which thread runs the session.
import type { Request } from '../src/core/index.ts';
import { OnnxModel } from '../src/model/index.ts';

export default async function bareLoop({ modelDir, threads, batches }: { modelDir: string; threads: number; batches: Request[][] }): Promise<number> {
  const model = await OnnxModel.open(modelDir, { threads });
  await model.answer(batches[0]?.slice(0, 1) ?? []); // warm-up, as the pool's open() does
  const start = performance.now();
  for (const batch of batches) await model.answer(batch);
  const seconds = (performance.now() - start) / 1000;
  await model.close();
  return seconds;
}
