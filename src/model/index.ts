// Public entry point of the model layer.
export { loadModelDir, type ModelDir } from './model-dir.ts';
export { parseDecoderConfig, type DecoderConfig } from './model-config.ts';
export { MODEL_DTYPES, pickOnnxFile } from './onnx-files.ts';
export { OnnxModel, onnxBackendInfo, onnxCapabilities, type OnnxModelOptions } from './onnx/onnx-model.ts';
export { DecoderSession } from './onnx/decoder-session.ts';
export { scoreChoicesCached, scoreChoicesOneByOne, type EncodedChoices, type ChoiceScores } from './onnx/loglikelihood.ts';
export { generateBatch, cutAtStop } from './onnx/generate.ts';
export { ensureTinyModel, cacheRoot, TINY_MODEL_REVISION } from './default-model.ts';
export { ReplayBackend, type ReplayOptions } from './replay/index.ts';
export { openOpenAiBackend, OpenAiBackend, DEFAULT_API_KEY_ENV, DEFAULT_CONCURRENCY, type OpenAiBackendOptions } from './openai/index.ts';
export { calibrateGemm, readCachedCalibration, writeCachedCalibration, calibrationCachePath, countGraphFlops, readModelConfigJson, type GemmCalibration, type GraphFlops } from './perf/index.ts';
