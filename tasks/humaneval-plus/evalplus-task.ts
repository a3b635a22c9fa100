// The task declaration shared by HumanEval+ and MBPP+: the same prompt, stops, checking and metrics
// (evalplus treats both datasets alike); each task names its dataset, its texts and its data.
import { defineTask, type TaskSpec } from '../../src/core/index.ts';
import { passAtKMetric } from '../../src/scoring/index.ts';
import { scoreSyncUnsupported } from '../humaneval/scoring.ts';
import { loadEvalPlus, type EvalPlusDataset } from './evalplus-load.ts';
import { FILTER, METRICS, generationParams, renderPrompt, scoreEvalPlus } from './evalplus-scoring.ts';

export interface EvalPlusTaskInfo {
  id: string;
  dataset: EvalPlusDataset;
  /** The plus benchmark's name ("HumanEval+"), also the title. */
  plusName: string;
  /** The original benchmark's name as its base tests are called ("HumanEval (base tests)"). */
  baseName: string;
  description: string;
  /** What evalplus evaluate checks for this dataset, for the protocol's source line. */
  evaluateChecks: string;
  download: string;
  bundledDir: string;
}

export function defineEvalPlusTask(info: EvalPlusTaskInfo): TaskSpec {
  const { dataset, plusName, baseName } = info;
  return defineTask({
    id: info.id,
    version: '1.0',
    title: plusName,
    description: info.description,
    protocol: {
      shots: 0,
      chainOfThought: false,
      requestKind: 'generate',
      source: `Qwen3 technical report base tables (EvalPlus, 0-shot: mean of HumanEval, MBPP, HumanEval+, MBPP+); evalplus codegen direct-completion prompt and stops, evalplus evaluate (${info.evaluateChecks}); one greedy sample`,
    },
    requires: ['generate'],
    metrics: [
      { name: METRICS.plus, higherIsBetter: true, description: `${plusName} pass@1: the solution passes the base and the extra test inputs (per problem over its answers with --repeats, mean over problems)` },
      { name: METRICS.base, higherIsBetter: true, description: `${baseName} pass@1: the solution passes the original test inputs (per problem over its answers with --repeats, mean over problems)` },
      passAtKMetric('pass@10', METRICS.plus, 10, `${plusName} `),
      passAtKMetric('base_pass@10', METRICS.base, 10, `${baseName} `),
    ],
    primaryMetric: METRICS.plus,
    primaryFilter: FILTER,
    data: { folder: info.id, download: info.download, bundledDir: info.bundledDir },
    load: (dir) => loadEvalPlus(dir, dataset),
    buildRequest(sample) {
      return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample) }, params: generationParams(dataset) };
    },
    score: scoreSyncUnsupported(info.id),
    scoreAsync: (sample, completion) => scoreEvalPlus(sample, completion, dataset),
  });
}
