// Public entry point of the runner layer.
export { runEvaluation, type EvaluationInput, type EvaluationOutput } from './run-evaluation.ts';
export { OnnxPool, defaultWorkerCount, type OnnxPoolOptions } from './onnx-pool.ts';
export { workerExecArgv } from './typescript-loader.ts';
export { checkCapabilities } from './capabilities.ts';
export { BATCH_SHARE_OF_WORK, makeBatches } from './schedule.ts';
export { createProgress, type Progress } from './progress.ts';
export { buildResultsFile, buildTaskResults, type BuildResultsInput } from './build-results.ts';
export { resolveEfficiencyContext, localPeaks, type EfficiencyOverride } from './efficiency-context.ts';
export { selectShard, shardOf, parseShardSpec, formatShard } from './shard.ts';
export { parseErrorBudget, exceededBudget, type ErrorBudget } from './error-budget.ts';
export { mergeShardRecords, checkShards, type MergeOutput } from './merge-records.ts';
