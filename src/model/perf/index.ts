// Public entry point of the model layer's measurements: the calibration GEMM (achievable peak)
// and FLOPs counted from an executed ONNX graph.
export { calibrateGemm, readCachedCalibration, writeCachedCalibration, calibrationCachePath, onnxruntimeVersion, type GemmCalibration, type CalibrationOptions } from './gemm-calibration.ts';
export { countGraphFlops, flopsFromProfile, matmulFlops, type GraphFlops } from './graph-flops.ts';
export { readModelConfigJson } from './model-config-json.ts';
