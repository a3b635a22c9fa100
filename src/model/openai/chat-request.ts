// Request bodies for generation: chat prompts go to /v1/chat/completions (messages with text and
// image_url parts, images inlined as data URLs so the server needs no access to our files), raw text
// prompts (base-model style, like lm-eval's gsm8k_cot) go to /v1/completions. Both stream, asking
// for usage in the last chunk.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DataError, type ContentPart, type GenerateRequest, type GenerationParams, type ImageSource, type Message } from '../../core/index.ts';

type OpenAiContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface OpenAiMessage {
  role: Message['role'];
  content: string | OpenAiContentPart[];
}

const MIME_BY_EXTENSION: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

/** Sniff the few formats benchmarks ship, for images given as bytes without a MIME type. */
function sniffMime(bytes: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  if (starts(0x42, 0x4d)) return 'image/bmp';
  return 'application/octet-stream';
}

export async function imageDataUrl(source: ImageSource): Promise<string> {
  if (source.kind === 'base64') {
    const mime = source.mime ?? sniffMime(Buffer.from(source.data.slice(0, 24), 'base64'));
    return `data:${mime};base64,${source.data}`;
  }
  if (source.kind === 'bytes') return `data:${source.mime ?? sniffMime(source.bytes)};base64,${Buffer.from(source.bytes).toString('base64')}`;
  let bytes: Buffer;
  try {
    bytes = await readFile(source.path);
  } catch (err) {
    throw new DataError(source.path, undefined, 'image file cannot be read', { cause: err, code: 'DATA_MISSING' });
  }
  return `data:${MIME_BY_EXTENSION[extname(source.path).toLowerCase()] ?? sniffMime(bytes)};base64,${bytes.toString('base64')}`;
}

async function toPart(part: ContentPart): Promise<OpenAiContentPart> {
  return part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image_url', image_url: { url: await imageDataUrl(part.source) } };
}

export async function toOpenAiMessages(messages: Message[]): Promise<OpenAiMessage[]> {
  return Promise.all(messages.map(async (m) => ({ role: m.role, content: typeof m.content === 'string' ? m.content : await Promise.all(m.content.map(toPart)) })));
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
}

/** The endpoint and body for a generation request. */
export async function generationCall(model: string, request: GenerateRequest): Promise<GenerationCall> {
  if (request.prompt.kind === 'text') {
    return { path: '/completions', body: { model, prompt: request.prompt.text, ...samplingFields(request.params) } };
  }
  const thinking = request.params.thinking;
  return {
    path: '/chat/completions',
    body: {
      model,
      messages: await toOpenAiMessages(request.prompt.messages),
      ...samplingFields(request.params),
      // FastDeploy and vLLM pass these to the chat template; ERNIE's templates read enable_thinking.
      ...(thinking === undefined ? {} : { chat_template_kwargs: { enable_thinking: thinking } }),
    },
  };
}
