// Request bodies for generation: chat prompts go to /v1/chat/completions (messages with text and
// image_url parts, images inlined as data URLs so the server needs no access to our files), raw text
// prompts (base-model style, like lm-eval's gsm8k_cot) go to /v1/completions. Both stream, asking
// for usage in the last chunk.
import { createHash } from 'node:crypto';
import type { ContentPart, GenerateRequest, GenerationParams, ImageDigest, ImageSource, Message } from '../../core/index.ts';
import { readImageBytes } from '../vision/image-bytes.ts';

type OpenAiContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface OpenAiMessage {
  role: Message['role'];
  content: string | OpenAiContentPart[];
}

const MIME_BY_FORMAT = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' } as const;

/**
 * An image as a data URL, read and checked as the local backend reads it (strict base64, header
 * checked before anything is sent): a broken image fails its sample here, not on the server.
 * The digest is of the bytes sent: the server preprocesses them, so their hash is what is reproducible.
 */
export async function imageDataUrl(source: ImageSource): Promise<{ url: string; digest: ImageDigest }> {
  const { bytes, header } = await readImageBytes(source);
  const digest: ImageDigest = { sha256: createHash('sha256').update(bytes).digest('hex'), of: 'bytes', width: header.width, height: header.height };
  return { url: `data:${MIME_BY_FORMAT[header.format]};base64,${bytes.toString('base64')}`, digest };
}

async function toPart(part: ContentPart, digests: ImageDigest[]): Promise<OpenAiContentPart> {
  if (part.type === 'text') return { type: 'text', text: part.text };
  const { url, digest } = await imageDataUrl(part.source);
  digests.push(digest);
  return { type: 'image_url', image_url: { url } };
}

/** `digests` receives one entry per image, in message order. */
export async function toOpenAiMessages(messages: Message[], digests: ImageDigest[] = []): Promise<OpenAiMessage[]> {
  const out: OpenAiMessage[] = [];
  for (const m of messages) {
    if (typeof m.content === 'string') out.push({ role: m.role, content: m.content });
    else {
      const parts: OpenAiContentPart[] = [];
      for (const part of m.content) parts.push(await toPart(part, digests));
      out.push({ role: m.role, content: parts });
    }
  }
  return out;
}

function samplingFields(params: GenerationParams): Record<string, unknown> {
  const stop = params.until.filter((s) => s !== '');
  return {
    max_tokens: params.maxTokens,
    temperature: params.temperature,
    ...(params.topP === undefined ? {} : { top_p: params.topP }),
    ...(params.seed === undefined ? {} : { seed: params.seed }),
    ...(stop.length === 0 ? {} : { stop }),
    stream: true,
    stream_options: { include_usage: true },
  };
}

export interface GenerationCall {
  path: '/chat/completions' | '/completions';
  body: Record<string, unknown>;
  /** What was sent of each image, for the sample's record. */
  images?: ImageDigest[];
}

/** The endpoint and body for a generation request. */
export async function generationCall(model: string, request: GenerateRequest): Promise<GenerationCall> {
  if (request.prompt.kind === 'text') {
    return { path: '/completions', body: { model, prompt: request.prompt.text, ...samplingFields(request.params) } };
  }
  const thinking = request.params.thinking;
  const images: ImageDigest[] = [];
  const messages = await toOpenAiMessages(request.prompt.messages, images);
  return {
    path: '/chat/completions',
    ...(images.length === 0 ? {} : { images }),
    body: {
      model,
      messages,
      ...samplingFields(request.params),
      // FastDeploy and vLLM pass these to the chat template; ERNIE's templates read enable_thinking.
      ...(thinking === undefined ? {} : { chat_template_kwargs: { enable_thinking: thinking } }),
    },
  };
}
