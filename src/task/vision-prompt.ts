// The one way a task puts a multimodal item into a chat request: the sample's images as image parts
// and the prompt text, in one user turn. Backends turn image parts into what they need (pixel
// tensors and image tokens for ONNX, `image_url` data URLs for HTTP), so tasks never touch pixels.
import { DataError, type ContentPart, type Message, type RequestBody, type Sample } from '../core/index.ts';

export interface VisionPromptOptions {
  /** Where the images go relative to the text. VLMEvalKit and most model cards put them first. */
  imagesFirst?: boolean;
  /** A system message before the user turn. */
  system?: string;
}

/** One user turn holding every image of the sample plus `text`. */
export function visionMessages(sample: Sample, text: string, options: VisionPromptOptions = {}): Message[] {
  const images: ContentPart[] = (sample.images ?? []).map((source) => ({ type: 'image', source }));
  if (images.length === 0) {
    throw new DataError(sample.origin?.file ?? sample.id, sample.origin?.line, `sample ${sample.id} has no image`);
  }
  const textPart: ContentPart = { type: 'text', text };
  const content = options.imagesFirst === false ? [textPart, ...images] : [...images, textPart];
  return [...(options.system === undefined ? [] : [{ role: 'system' as const, content: options.system }]), { role: 'user', content }];
}

/** The usual request of an image benchmark: one user turn with the images and `text`, greedy. */
export function greedyVisionRequest(sample: Sample, text: string, maxTokens: number, options: VisionPromptOptions = {}): RequestBody {
  return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, text, options) }, params: { maxTokens, temperature: 0, until: [] } };
}
