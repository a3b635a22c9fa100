// Named lists of tasks for `ernie-eval run --suite NAME`.
//
// The ERNIE 4.5 technical report's own tables are not among the sourced baselines in this
// repository (baselines/ carries the DeepSeek-V3, Qwen3, Qwen2.5-VL, OpenAI o1 and QVQ tables, and
// ERNIE's FastDeploy quantization numbers). The ernie-4.5-* suites therefore list the benchmarks of
// the comparisons that the report draws and that these sourced tables print; each description says
// where its rows come from, and that the report's exact row list is not reproduced from a source.
import type { SuiteSpec } from '../src/task/index.ts';

const KNOWLEDGE = ['mmlu', 'mmlu-redux', 'mmlu-pro', 'cmmlu', 'ceval', 'agieval'];
const REASONING = ['arc-challenge', 'bbh', 'hellaswag', 'piqa', 'winogrande', 'drop', 'gpqa-diamond'];
const FACTUAL_QA = ['triviaqa', 'naturalqs', 'simpleqa', 'chinese-simpleqa'];
const MATH = ['gsm8k', 'mgsm', 'cmath', 'math500', 'math', 'math-4shot', 'aime'];
const CODE = ['humaneval', 'humaneval-plus', 'mbpp', 'mbpp-plus', 'livecodebench'];
const INSTRUCTIONS = ['ifeval', 'multi-if'];

const VL_REASONING = ['mmmu', 'mathvista', 'mathvision', 'mathverse', 'visualpuzzles'];
const VL_PERCEPTION = ['cv-bench', 'realworldqa', 'mmbench', 'mmstar', 'ai2d', 'scienceqa-img', 'mme'];
const VL_DOCUMENTS = ['chartqa', 'docvqa', 'ocrbench', 'charxiv'];
const VL_HALLUCINATION = ['hallusionbench', 'pope'];

export const SUITES: Record<string, SuiteSpec> = {
  text: {
    description:
      'Every text benchmark: knowledge and Chinese (MMLU, MMLU-Redux, MMLU-Pro, CMMLU, C-Eval, AGIEval), reasoning (ARC-Challenge, BBH, HellaSwag, PIQA, WinoGrande, DROP, GPQA-Diamond), factual QA (TriviaQA, NaturalQuestions, SimpleQA, Chinese SimpleQA), math (GSM8K, MGSM, CMath, MATH-500, MATH, MATH 4-shot, AIME 2024/2025), code run in a sandbox (HumanEval, HumanEval+, MBPP, MBPP+, LiveCodeBench), instruction following (IFEval, Multi-IF).',
    tasks: [...KNOWLEDGE, ...REASONING, ...FACTUAL_QA, ...MATH, ...CODE, ...INSTRUCTIONS],
  },
  'ernie-4.5-base': {
    description:
      "ERNIE 4.5's base-model comparison with DeepSeek-V3-Base and Qwen3-Base: the benchmarks of DeepSeek-V3's base table (README) and Qwen3's base tables (report tables 3-8) that ernie-eval implements, with their base-model protocols (few-shot, log-likelihood or few-shot CoT; MATH 4-shot). The ERNIE 4.5 report's exact row list is not in the sourced baselines, so this is the union of the two sourced tables, not a copy of ERNIE's.",
    tasks: ['mmlu', 'mmlu-redux', 'mmlu-pro', 'cmmlu', 'ceval', 'agieval', 'arc-challenge', 'bbh', 'hellaswag', 'piqa', 'winogrande', 'drop', 'triviaqa', 'naturalqs', 'gsm8k', 'math-4shot', 'mgsm', 'cmath', 'humaneval', 'humaneval-plus', 'mbpp', 'mbpp-plus', 'livecodebench'],
  },
  'ernie-4.5-chat': {
    description:
      "ERNIE 4.5's chat-model comparison with DeepSeek-V3, Qwen3 and GPT-4.1: the benchmarks of DeepSeek-V3's chat table and Qwen3's post-trained tables (11-20) that ernie-eval implements, zero-shot chat protocols. The ERNIE 4.5 report's exact row list is not in the sourced baselines, so this is the union of the sourced tables, not a copy of ERNIE's.",
    tasks: ['mmlu', 'mmlu-redux', 'mmlu-pro', 'ceval', 'cmmlu', 'gpqa-diamond', 'drop', 'simpleqa', 'chinese-simpleqa', 'math500', 'aime', 'livecodebench', 'humaneval-plus', 'mbpp-plus', 'ifeval', 'multi-if'],
  },
  multimodal: {
    description:
      'Every vision-language benchmark: reasoning (MMMU, MathVista, MATH-Vision, MathVerse, VisualPuzzles), perception (CV-Bench, RealWorldQA, MMBench, MMStar, AI2D, ScienceQA-IMG, MME), charts and documents (ChartQA, DocVQA, OCRBench, CharXiv), hallucination (HallusionBench, POPE). Without --model it runs the tiny ERNIE-VL model on bundled drawn images.',
    tasks: [...VL_REASONING, ...VL_PERCEPTION, ...VL_DOCUMENTS, ...VL_HALLUCINATION],
  },
  'ernie-4.5-vl-thinking': {
    description:
      "ERNIE-4.5-VL-424B-A47B against OpenAI o1, thinking mode on: the multimodal reasoning benchmarks the issue names (MathVista, MMMU, VisualPuzzles, CV-Bench, RealWorldQA) plus MATH-Vision, MathVerse, CharXiv and HallusionBench. o1's sourced numbers (OpenAI's o1 post) cover MMMU and MathVista; the report's exact row list is not in the sourced baselines.",
    tasks: ['mathvista', 'mmmu', 'visualpuzzles', 'cv-bench', 'realworldqa', 'mathvision', 'mathverse', 'charxiv', 'hallusionbench'],
    thinking: true,
  },
  'ernie-4.5-vl-nonthinking': {
    description:
      'ERNIE-4.5-VL-28B-A3B against Qwen2.5-VL-7B/32B, thinking mode off: the benchmarks of the Qwen2.5-VL model cards that ernie-eval implements (MMMU, MathVista, MATH-Vision, MMBench, MMStar, OCRBench, ChartQA, DocVQA, HallusionBench) plus AI2D, CV-Bench and RealWorldQA. The report\'s exact row list is not in the sourced baselines.',
    tasks: ['mmmu', 'mathvista', 'mathvision', 'mmbench', 'mmstar', 'ai2d', 'ocrbench', 'chartqa', 'docvqa', 'hallusionbench', 'cv-bench', 'realworldqa'],
    thinking: false,
  },
  smoke: {
    description: 'One log-likelihood and one generation task, a few samples each: checks the whole pipeline in seconds.',
    tasks: ['mmlu', 'gsm8k'],
    defaultLimit: 8,
  },
};
