// A Hugging Face style model directory (DESIGN.md §5): config, generation config, tokenizer,
// chat template and the ONNX file for the requested dtype. Everything is validated here, in the
// main thread, before any worker starts, so a broken directory is one clear error.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ModelError, type ModelDtype } from '../core/index.ts';
import { loadChatTemplate, type ChatTemplate } from './chat-template.ts';
import { fingerprintFiles } from './fingerprint.ts';
import { readModelJson, readOptionalModelJson } from './json-file.ts';
import { parseDecoderConfig, type DecoderConfig } from './model-config.ts';
import { pickOnnxFile, type OnnxFileChoice } from './onnx-files.ts';
import { loadTokenizer, type TextTokenizer } from './tokenizer.ts';
import { readPreprocessorConfig, type PreprocessorConfig } from './vision/preprocessor-config.ts';

export interface GenerationDefaults {
  eosTokenIds: number[];
  maxNewTokens: number | undefined;
}

export interface ModelDir {
  dir: string;
  dtype: ModelDtype;
  config: DecoderConfig;
  generation: GenerationDefaults;
  tokenizer: TextTokenizer;
  chatTemplate: ChatTemplate | undefined;
  onnx: OnnxFileChoice;
  fingerprint: string;
  /** Name to show: the directory's basename unless config.json names the model. */
  name: string;
  /** Vision-language models (Transformers.js multimodal layout); `onnx` is then the decoder. */
  vision?: VisionParts;
}

export interface VisionParts {
  encoder: OnnxFileChoice;
  embedTokens: OnnxFileChoice;
  preprocessor: PreprocessorConfig;
  /** Token id that stands for one image token (ERNIE-VL `im_patch_id`). */
  imagePatchId: number;
}

/** The multimodal layout is recognised by its decoder file (no onnx/model.onnx). */
function isVisionLayout(dir: string): boolean {
  const onnxDir = join(dir, 'onnx');
  return existsSync(onnxDir) && readdirSync(onnxDir).some((f) => f.startsWith('decoder_model_merged')) && !readdirSync(onnxDir).some((f) => /^model(_\w+)?\.onnx$/.test(f));
}

function visionParts(dir: string, dtype: ModelDtype, config: DecoderConfig): VisionParts {
  const configFile = join(dir, 'config.json');
  const patchId = config.raw['im_patch_id'];
  if (typeof patchId !== 'number' || !Number.isInteger(patchId) || patchId < 0 || patchId >= config.vocabSize) {
    throw new ModelError('CONFIG_INVALID', configFile, `field "im_patch_id" must be the token id of the image placeholder (0..${config.vocabSize - 1}), got ${JSON.stringify(patchId)}`);
  }
  return {
    encoder: pickOnnxFile(dir, dtype, 'vision_encoder', true),
    embedTokens: pickOnnxFile(dir, dtype, 'embed_tokens', true),
    preprocessor: readPreprocessorConfig(join(dir, 'preprocessor_config.json')),
    imagePatchId: patchId,
  };
}

function generationDefaults(file: string, config: DecoderConfig): GenerationDefaults {
  const raw = readOptionalModelJson(file) ?? {};
  const eos = raw['eos_token_id'];
  const eosIds = eos === undefined ? config.eosTokenIds : parseDecoderConfig(file, { ...config.raw, eos_token_id: eos }).eosTokenIds;
  const maxNew = raw['max_new_tokens'];
  return { eosTokenIds: eosIds, maxNewTokens: typeof maxNew === 'number' ? maxNew : undefined };
}

/**
 * `knownFingerprint`: the fingerprint already computed for this directory (the pool computes it once
 * in the main thread; each worker would otherwise re-hash every weight file before its first request).
 */
export function loadModelDir(dirArg: string, dtype: ModelDtype = 'fp32', knownFingerprint?: string): ModelDir {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ModelError('MODEL_MISSING', dir, 'model directory not found');
  }
  const configFile = join(dir, 'config.json');
  const config = parseDecoderConfig(configFile, readModelJson(configFile));
  const tokenizerConfigFile = join(dir, 'tokenizer_config.json');
  const tokenizer = loadTokenizer(join(dir, 'tokenizer.json'), tokenizerConfigFile);
  const chatTemplate = loadChatTemplate(tokenizerConfigFile, tokenizer.config);
  const vision = isVisionLayout(dir) ? visionParts(dir, dtype, config) : undefined;
  const onnx = pickOnnxFile(dir, dtype, vision === undefined ? 'model' : 'decoder_model_merged');
  const visionFiles = vision === undefined ? [] : [join(dir, 'preprocessor_config.json'), vision.encoder.model, ...vision.encoder.externalData, vision.embedTokens.model, ...vision.embedTokens.externalData];
  const fingerprint =
    knownFingerprint ??
    fingerprintFiles([
      configFile,
      join(dir, 'generation_config.json'),
      join(dir, 'tokenizer.json'),
      tokenizerConfigFile,
      onnx.model,
      ...onnx.externalData,
      ...visionFiles,
    ]);
  const nameOrPath = config.raw['_name_or_path'];
  return {
    dir,
    dtype,
    config,
    generation: generationDefaults(join(dir, 'generation_config.json'), config),
    tokenizer,
    chatTemplate,
    onnx,
    fingerprint,
    name: typeof nameOrPath === 'string' && nameOrPath !== '' ? nameOrPath : dir.split(/[\\/]/).pop() ?? dir,
    ...(vision === undefined ? {} : { vision }),
  };
}
