// From a generate request to what the decoder takes: token ids (chat template applied), the
// features of each image placed over its image tokens, room for the answer within the model's
// positions, and whether the prompt opened a thinking block.
import { HarnessError, type GenerateRequest, type ImageDigest, type ImageSource, type Message } from '../../core/index.ts';
import type { ModelDir } from '../model-dir.ts';
import { preprocessImage } from '../vision/preprocess-image.ts';
import type { Decoder } from './decoder-session.ts';
import { VisionDecoder } from './vision-decoder.ts';

export interface RenderedPrompt {
  ids: number[];
  /** The prompt ends inside an opened <think> block (thinking mode of ERNIE / Qwen3 templates). */
  opensThinking?: boolean;
  /** Features of every image token of `ids`, in order ([tokens × hidden]). */
  imageFeatures?: Float32Array;
  images?: ImageDigest[];
}

/** Image parts of the messages in the order the template renders them. */
function imagesOf(messages: Message[]): ImageSource[] {
  return messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.flatMap((p) => (p.type === 'image' ? [p.source] : []))));
}

/**
 * The chat template writes one placeholder token per image; each is expanded here to as many image
 * tokens as the vision encoder yields for that image, and their features are returned in order.
 */
export async function renderGenerationPrompt(dir: ModelDir, decoder: Decoder, request: GenerateRequest): Promise<RenderedPrompt> {
  const { tokenizer, chatTemplate } = dir;
  if (request.prompt.kind === 'text') return { ids: tokenizer.encode(request.prompt.text) };
  if (chatTemplate === undefined) throw new HarnessError('CAPABILITY', 'this model has no chat template (tokenizer_config.json "chat_template")');
  const options = request.params.thinking === undefined ? {} : { enableThinking: request.params.thinking };
  const text = chatTemplate.render(request.prompt.messages, options);
  const ids = tokenizer.encode(text);
  // A thinking template opens the block in the prompt: the answer then starts inside it.
  const opensThinking = /<think>\s*$/.test(text) ? { opensThinking: true } : {};
  const images = imagesOf(request.prompt.messages);
  if (images.length === 0) return { ids, ...opensThinking };
  const { vision } = dir;
  if (vision === undefined || !(decoder instanceof VisionDecoder)) throw new HarnessError('CAPABILITY', 'this model takes no images (no onnx/vision_encoder.onnx)');
  const placeholders = ids.filter((id) => id === vision.imagePatchId).length;
  if (placeholders !== images.length) {
    throw new HarnessError('BACKEND', `the chat template wrote ${placeholders} image placeholders for ${images.length} images`);
  }
  const expanded: number[] = [];
  const features: Float32Array[] = [];
  const digests: ImageDigest[] = [];
  let next = 0;
  for (const id of ids) {
    if (id !== vision.imagePatchId) {
      expanded.push(id);
      continue;
    }
    const image = await preprocessImage(images[next++] as ImageSource, vision.preprocessor);
    features.push(await decoder.encodeImage(image));
    digests.push(image.digest);
    for (let t = 0; t < image.tokens; t++) expanded.push(vision.imagePatchId);
  }
  const all = new Float32Array(features.reduce((n, f) => n + f.length, 0));
  features.reduce((offset, f) => (all.set(f, offset), offset + f.length), 0);
  return { ids: expanded, imageFeatures: all, images: digests, ...opensThinking };
}

/**
 * Prompt and token budget within the model's positions. A benchmark's budget can exceed a small
 * model's context (AIME asks 38,912 tokens): at least min(budget, half the positions) stay free for
 * the answer, a longer text prompt loses its beginning (lm-evaluation-harness truncates on the
 * left), and the budget shrinks to what remains, so such answers end with finish reason "length".
 */
export function fitToContext(rendered: RenderedPrompt, requested: number, positions: number): { prompt: number[]; maxTokens: number } {
  const reserve = Math.max(1, Math.min(requested, Math.floor(positions / 2)));
  let prompt = rendered.ids;
  if (prompt.length > positions - reserve) {
    // Cutting a prompt on the left would cut image tokens loose from their features.
    if (rendered.imageFeatures !== undefined) throw new HarnessError('BACKEND', `prompt of ${prompt.length} tokens (images included) leaves fewer than ${reserve} of the model's ${positions} positions for the answer`);
    prompt = prompt.slice(prompt.length - (positions - reserve));
  }
  return { prompt, maxTokens: Math.min(requested, positions - prompt.length) };
}

/**
 * The answer of a prompt that opened thinking: what comes before </think> is reasoning (kept in the
 * record apart, as servers return reasoning_content), the rest is the answer. Without </think> the
 * model never finished thinking: all of it is reasoning and there is no answer.
 */
export function splitReasoning(raw: string): { text: string; reasoning: string } {
  const close = raw.indexOf('</think>');
  if (close < 0) return { text: '', reasoning: raw };
  return { text: raw.slice(close + '</think>'.length).replace(/^\s+/, ''), reasoning: raw.slice(0, close) };
}
