// --limit N: which N samples of a task. Round-robin over subsets in their file order, so a limited
// MMLU run touches every subject instead of only the first one alphabetically; deterministic.
import type { Sample } from '../core/index.ts';

export function selectSamples(samples: Sample[], limit: number | undefined): Sample[] {
  if (limit === undefined || limit >= samples.length) return samples;
  const bySubset = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = sample.subset ?? '';
    const list = bySubset.get(key);
    if (list === undefined) bySubset.set(key, [sample]);
    else list.push(sample);
  }
  const queues = [...bySubset.values()];
  const picked: Sample[] = [];
  for (let round = 0; picked.length < limit; round++) {
    for (const queue of queues) {
      const sample = queue[round];
      if (sample !== undefined && picked.length < limit) picked.push(sample);
    }
  }
  return picked;
}
