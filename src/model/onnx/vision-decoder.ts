// A vision-language model in the Transformers.js multimodal layout (DESIGN.md §5):
//   onnx/vision_encoder.onnx       pixel_values [patches, 3·p·p], image_grid_thw [1, 3] → image_features [tokens, hidden]
//   onnx/embed_tokens.onnx         input_ids [batch, seq] → inputs_embeds [batch, seq, hidden]
//   onnx/decoder_model_merged.onnx inputs_embeds, attention_mask, position_ids, token_type_ids,
//                                  past_key_values.{i}.key|value → logits, present.{i}.key|value
// It answers the same `forward` as the text-only session, so generation and its KV-cache logic are
// shared: token ids are embedded, image features overwrite the embeddings of each row's image
// tokens, and token_type_ids (1 on image tokens) tell ERNIE-VL's MoE layers which experts a token
// may use (text experts or vision experts).
import * as ort from 'onnxruntime-node';
import { HarnessError, ModelError } from '../../core/index.ts';
import type { DecoderConfig } from '../model-config.ts';
import type { PreprocessedImage } from '../vision/preprocess-image.ts';
import { commonFeeds, emptyKvCache, openCheckedSession, readForwardOutput, type Decoder, type ForwardInput, type ForwardOutput, type SessionOptions } from './decoder-session.ts';

export interface VisionModelFiles {
  visionEncoder: string;
  embedTokens: string;
  decoder: string;
}

const LAYOUT = 'in the Transformers.js vision-language layout';

export class VisionDecoder implements Decoder {
  readonly config: DecoderConfig;
  private readonly imagePatchId: number;
  private readonly encoder: ort.InferenceSession;
  private readonly embedder: ort.InferenceSession;
  private readonly decoder: ort.InferenceSession;
  private readonly hasPositionIds: boolean;
  private readonly hasTokenTypes: boolean;

  private constructor(config: DecoderConfig, imagePatchId: number, sessions: [ort.InferenceSession, ort.InferenceSession, ort.InferenceSession]) {
    this.config = config;
    this.imagePatchId = imagePatchId;
    [this.encoder, this.embedder, this.decoder] = sessions;
    this.hasPositionIds = this.decoder.inputNames.includes('position_ids');
    this.hasTokenTypes = this.decoder.inputNames.includes('token_type_ids');
  }

  static async open(files: VisionModelFiles, config: DecoderConfig, imagePatchId: number, options: SessionOptions): Promise<VisionDecoder> {
    const opened: ort.InferenceSession[] = [];
    try {
      opened.push(await openCheckedSession(files.visionEncoder, options, ['pixel_values'], ['image_features'], `a vision encoder ${LAYOUT}`));
      opened.push(await openCheckedSession(files.embedTokens, options, ['input_ids'], ['inputs_embeds'], `a token embedding ${LAYOUT}`));
      opened.push(await openCheckedSession(files.decoder, options, ['inputs_embeds', 'attention_mask', 'past_key_values.0.key'], ['logits'], `a decoder ${LAYOUT}`));
    } catch (err) {
      await Promise.all(opened.map((s) => s.release()));
      throw err;
    }
    return new VisionDecoder(config, imagePatchId, opened as [ort.InferenceSession, ort.InferenceSession, ort.InferenceSession]);
  }

  /** The image's token embeddings: [image.tokens × hidden]. */
  async encodeImage(image: PreprocessedImage): Promise<Float32Array> {
    const patches = image.gridHeight * image.gridWidth;
    const feeds: Record<string, ort.Tensor> = {
      pixel_values: new ort.Tensor('float32', image.pixels, [patches, image.pixels.length / patches]),
    };
    if (this.encoder.inputNames.includes('image_grid_thw')) {
      feeds['image_grid_thw'] = new ort.Tensor('int64', BigInt64Array.from([1n, BigInt(image.gridHeight), BigInt(image.gridWidth)]), [1, 3]);
    }
    const out = (await this.encoder.run(feeds))['image_features'];
    const expected = image.tokens * this.config.hiddenSize;
    if (out === undefined || out.data.length !== expected) {
      throw new HarnessError('BACKEND', `vision encoder returned ${out?.dims.join(' × ') ?? 'nothing'}, expected ${image.tokens} × ${this.config.hiddenSize}`);
    }
    return out.data as Float32Array;
  }

  async forward(input: ForwardInput): Promise<ForwardOutput> {
    const { batch, seq } = input;
    const hidden = this.config.hiddenSize;
    const embedded = (await this.embedder.run({ input_ids: new ort.Tensor('int64', input.inputIds, [batch, seq]) }))['inputs_embeds'];
    if (embedded === undefined) throw new ModelError('MODEL_CORRUPT', 'embed_tokens.onnx', 'returned no inputs_embeds');
    const tokenTypes = new BigInt64Array(batch * seq);
    let embeds = embedded.data as Float32Array;
    if (input.imageFeatures?.some((f) => f !== undefined) === true) {
      // Copy before writing: onnxruntime may own the output buffer. Decode steps carry no images
      // and skip the copy.
      embeds = Float32Array.from(embeds);
      input.imageFeatures.forEach((features, row) => {
        if (features !== undefined) this.placeImageFeatures(input.inputIds, row, seq, features, embeds, tokenTypes, hidden);
      });
    }
    const past = input.past ?? emptyKvCache(this.config, batch);
    const feeds: Record<string, ort.Tensor> = {
      inputs_embeds: new ort.Tensor('float32', embeds, [batch, seq, hidden]),
      ...commonFeeds(this.config, input, past, this.hasPositionIds),
    };
    if (this.hasTokenTypes) feeds['token_type_ids'] = new ort.Tensor('int64', tokenTypes, [batch, seq]);
    return readForwardOutput(this.config, await this.decoder.run(feeds), batch, past.length + seq);
  }

  /**
   * Overwrite the first `features.length / hidden` image-patch tokens of `row` with the features.
   * Later occurrences of the token (a model that generates it) stay text tokens, so the cached and
   * the recomputed paths see the same sequence.
   */
  private placeImageFeatures(ids: BigInt64Array, row: number, seq: number, features: Float32Array, embeds: Float32Array, tokenTypes: BigInt64Array, hidden: number): void {
    const count = features.length / hidden;
    const patchId = BigInt(this.imagePatchId);
    let placed = 0;
    for (let s = 0; s < seq && placed < count; s++) {
      const at = row * seq + s;
      if (ids[at] !== patchId) continue;
      embeds.set(features.subarray(placed * hidden, (placed + 1) * hidden), at * hidden);
      tokenTypes[at] = 1n;
      placed++;
    }
    if (placed !== count) throw new HarnessError('BACKEND', `row ${row} has ${placed} image tokens for ${count} image features`);
  }

  async release(): Promise<void> {
    await Promise.all([this.encoder.release(), this.embedder.release(), this.decoder.release()]);
  }
}
