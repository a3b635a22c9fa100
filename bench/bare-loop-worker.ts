// The "bare loop" of bench/efficiency.ts §4, run in a worker thread as the pool's sessions are: one
// OnnxModel, the given batches answered one after another and timed inside the worker, nothing
// else (no runner, scoring or records; piscina only carries the batches in and the seconds out).
// Run in the main thread instead, the same loop came out about 8% slower than the harness, which
// measured where the loop runs rather than what the harness adds.
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
