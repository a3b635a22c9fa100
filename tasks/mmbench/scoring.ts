// MMBench scoring: VLMEvalKit's exact-matching `can_infer` per pass (src/scoring/choice-inference.ts),
// aggregated three ways (task.ts): every pass on its own, the first pass only, and circularly.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { scoreInferredChoice } from '../../src/scoring/index.ts';
import { mcqOptions } from '../../src/task/index.ts';

export function scoreMmbench(sample: Sample, completion: Completion): Score {
  return scoreInferredChoice(completion, mcqOptions(sample), sample.target);
}
