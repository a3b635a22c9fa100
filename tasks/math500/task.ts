// MATH-500: the 500-problem MATH test subset of PRM800K (Lightman et al., 2023), the MATH set that
// post-trained baselines report. The spec (loader, prompt, scorer, bundled items) is tasks/math's.
import { loadMath500 } from '../math/load.ts';
import { mathSpec } from '../math/task.ts';

export default mathSpec({
  id: 'math500',
  title: 'MATH-500',
  description: 'MATH-500 (PRM800K test split): 500 MATH test problems, 7 subjects, levels 1-5, LaTeX answers; subsets are the subjects.',
  download: 'openai/prm800k prm800k/math_splits/test.jsonl (MIT; Git LFS, identical copy in ZubinGou/math-evaluation-harness data/math_oai/test.jsonl) to <data-dir>/math/math500/test.jsonl',
  load: loadMath500,
});
