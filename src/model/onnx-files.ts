// Which ONNX file of a model directory to load for a requested dtype. File names follow the
// Transformers.js / Optimum convention (onnx/model.onnx, model_fp16.onnx, model_quantized.onnx, model_q4.onnx).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError, type ModelDtype } from '../core/index.ts';

// Suffixes of each dtype's file, after the graph's base name (model, decoder_model_merged, ...).
const SUFFIX_BY_DTYPE: Record<ModelDtype, string[]> = {
  fp32: [''],
  fp16: ['_fp16'],
  // Transformers.js calls its 8-bit export "quantized"; some exports name it by integer type.
  q8: ['_quantized', '_int8', '_uint8'],
  q4: ['_q4', '_q4f16'],
};

export const MODEL_DTYPES = Object.keys(SUFFIX_BY_DTYPE) as ModelDtype[];

const filesOf = (base: string, dtype: ModelDtype): string[] => SUFFIX_BY_DTYPE[dtype].map((suffix) => `${base}${suffix}.onnx`);

export interface OnnxFileChoice {
  /** The graph file to load. */
  model: string;
  /** External weight files that belong to it (model.onnx_data, model.onnx_data_1 ...). */
  externalData: string[];
}

/**
 * The file of graph `base` for `dtype`. `fallbackToFp32`: the vision encoder and embedding graphs of a
 * quantized vision-language export are often kept in fp32.
 */
export function pickOnnxFile(modelDir: string, dtype: ModelDtype, base = 'model', fallbackToFp32 = false): OnnxFileChoice {
  const onnxDir = join(modelDir, 'onnx');
  if (!existsSync(onnxDir)) throw new ModelError('MODEL_MISSING', onnxDir, `folder not found (expected onnx/${base}.onnx inside the model directory)`);
  const present = readdirSync(onnxDir);
  const name = filesOf(base, dtype).find((candidate) => present.includes(candidate)) ?? (fallbackToFp32 ? filesOf(base, 'fp32').find((c) => present.includes(c)) : undefined);
  if (name === undefined) {
    const available = MODEL_DTYPES.filter((d) => filesOf(base, d).some((f) => present.includes(f)));
    throw new ModelError(
      'MODEL_MISSING',
      join(onnxDir, filesOf(base, dtype)[0] ?? `${base}.onnx`),
      `no ${dtype} variant in this model directory` + (available.length > 0 ? `; available: --dtype ${available.join(', ')}` : '; no ONNX model file at all'),
    );
  }
  const externalData = present.filter((f) => f.startsWith(`${name}_data`)).sort().map((f) => join(onnxDir, f));
  return { model: join(onnxDir, name), externalData };
}
