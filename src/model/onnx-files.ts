// Which ONNX file of a model directory to load for a requested dtype. File names follow the
// Transformers.js / Optimum convention (onnx/model.onnx, model_fp16.onnx, model_quantized.onnx, model_q4.onnx).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError, type ModelDtype } from '../core/index.ts';

const FILE_BY_DTYPE: Record<ModelDtype, string[]> = {
  fp32: ['model.onnx'],
  fp16: ['model_fp16.onnx'],
  // Transformers.js calls its 8-bit export "quantized"; some exports name it by integer type.
  q8: ['model_quantized.onnx', 'model_int8.onnx', 'model_uint8.onnx'],
  q4: ['model_q4.onnx', 'model_q4f16.onnx'],
};

export const MODEL_DTYPES = Object.keys(FILE_BY_DTYPE) as ModelDtype[];

export interface OnnxFileChoice {
  /** The graph file to load. */
  model: string;
  /** External weight files that belong to it (model.onnx_data, model.onnx_data_1 ...). */
  externalData: string[];
}

export function pickOnnxFile(modelDir: string, dtype: ModelDtype): OnnxFileChoice {
  const onnxDir = join(modelDir, 'onnx');
  if (!existsSync(onnxDir)) throw new ModelError('MODEL_MISSING', onnxDir, 'folder not found (expected onnx/model.onnx inside the model directory)');
  const present = readdirSync(onnxDir);
  const name = FILE_BY_DTYPE[dtype].find((candidate) => present.includes(candidate));
  if (name === undefined) {
    const available = MODEL_DTYPES.filter((d) => FILE_BY_DTYPE[d].some((f) => present.includes(f)));
    throw new ModelError(
      'MODEL_MISSING',
      join(onnxDir, FILE_BY_DTYPE[dtype][0] ?? 'model.onnx'),
      `no ${dtype} variant in this model directory` + (available.length > 0 ? `; available: --dtype ${available.join(', ')}` : '; no ONNX model file at all'),
    );
  }
  const externalData = present.filter((f) => f.startsWith(`${name}_data`)).sort().map((f) => join(onnxDir, f));
  return { model: join(onnxDir, name), externalData };
}
