// Public entry point of the task layer.
export { listTaskIds, loadTask, loadSuites, resolveSuite, TASKS_ROOT, type SuiteSpec } from './registry.ts';
export { followUpItem, prepareTask, type PreparedTask, type PreparedItem, type MissingTask, type PrepareOptions, type RunSettings } from './prepare-task.ts';
export { selectSamples } from './select-samples.ts';
export { requestKey } from './request-key.ts';
export { closestNames } from '../core/index.ts';
export { greedyVisionRequest, visionMessages, type VisionPromptOptions } from './vision-prompt.ts';
export { drawFewShot } from './few-shot.ts';
export { lmEvalShotIndices, PythonRandom } from './python-random.ts';
export { loadVlmevalMcq, MCQ_COLUMNS, MCQ_GENERATION, MCQ_INSTRUCTION, mcqOptions, mcqPromptOf, mcqSample, readMcqTable, vlmevalMcqPrompt, type McqSampleOptions } from './vlmeval-mcq.ts';
export { BOXED_COT_SYSTEM_PROMPT, boxedCotMessages, QWEN3_THINKING_SAMPLING, qwen3ThinkingParams } from './boxed-cot-prompt.ts';
