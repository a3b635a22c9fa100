// The files of the tiny ERNIE-4.5-VL model, in the Transformers.js multimodal layout:
//   config.json               flat baidu ERNIE-4.5-VL keys (config-files.ts vlConfigJson)
//   generation_config.json    as the text models'
//   preprocessor_config.json  Ernie4_5_VLImageProcessor keys, tiny pixel bounds
//   tokenizer.json / tokenizer_config.json   text vocabulary + image and thinking tokens, VL chat template
//   onnx/vision_encoder.onnx        pixel_values, image_grid_thw → image_features
//   onnx/embed_tokens.onnx          input_ids → inputs_embeds
//   onnx/decoder_model_merged.onnx  inputs_embeds, attention_mask, position_ids, token_type_ids,
//                                   past_key_values.{i}.key|value → logits, present.{i}.key|value
// (no onnx/model.onnx: that is how a reader tells the layouts apart). Image tokens are
// <|IMAGE_PLACEHOLDER|> (im_patch_id); the caller replaces their embeddings with image features, one
// feature row per token, and sets token_type_ids to 1 there.

import { generationConfigJson, json, preprocessorConfigJson, vlConfigJson } from './config-files.ts';
import { buildDecoderGraph } from './decoder-graph.ts';
import type { TinySizes, TinySpec } from './tiny-sizes.ts';
import { tinyVlTokenizer } from './tokenizer-files.ts';
import { buildEmbedTokensGraph, buildVisionEncoderGraph } from './vision-encoder-graph.ts';
import { makeVisionWeights } from './vision-weights.ts';
import { makeWeights } from './weights.ts';

export function tinyVlModelFiles(sizes: TinySizes, seed: number): Map<string, string | Uint8Array> {
  const tokenizer = tinyVlTokenizer(sizes.maxPositionEmbeddings);
  const spec: TinySpec = { arch: 'ernie4_5_vl', sizes, vocabSize: tokenizer.vocabSize };
  const decoderWeights = makeWeights(spec.arch, sizes, spec.vocabSize, seed);
  const doc = (part: string) => ({ docString: `tiny ernie4_5_vl ${part} built by ernie-eval (seed ${seed}); not a trained model` });

  return new Map<string, string | Uint8Array>([
    ['config.json', json(vlConfigJson(spec, tokenizer.ids, tokenizer.vlIds))],
    ['generation_config.json', json(generationConfigJson(tokenizer.ids))],
    ['preprocessor_config.json', json(preprocessorConfigJson())],
    ['tokenizer.json', json(tokenizer.tokenizerJson)],
    ['tokenizer_config.json', json(tokenizer.tokenizerConfig)],
    ['onnx/vision_encoder.onnx', buildVisionEncoderGraph(sizes, makeVisionWeights(sizes, seed)).serialize(doc('vision encoder')).model],
    ['onnx/embed_tokens.onnx', buildEmbedTokensGraph(decoderWeights.get('model.embed_tokens.weight')).serialize(doc('token embedding')).model],
    ['onnx/decoder_model_merged.onnx', buildDecoderGraph(spec, decoderWeights).serialize(doc('decoder')).model],
  ]);
}
