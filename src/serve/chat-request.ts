// POST /v1/chat/completions body → a `generate` request with chat messages, rendered by the
// model's own chat template in the worker (as FastDeploy and vLLM render it server-side).
import type { ContentPart, GenerateRequest, Message } from '../core/index.ts';
import { invalidField } from './api-error.ts';
import { BodyFields, describe } from './body-fields.ts';
import { readGenerationParams, readStreamOptions, SAMPLING_FIELDS, type StreamOptions } from './sampling-fields.ts';

export interface ChatCall extends StreamOptions {
  request: GenerateRequest;
  hasImages: boolean;
}

const CHAT_FIELDS = [...SAMPLING_FIELDS, 'messages', 'max_completion_tokens', 'chat_template_kwargs', 'logprobs'];
const ROLES: Record<string, Message['role']> = { system: 'system', developer: 'system', user: 'user', assistant: 'assistant' };
const DATA_URL = /^data:([^;,]+)?;base64,(.*)$/s;

function readPart(value: unknown, where: string): ContentPart {
  const part = new BodyFields(value, `${where}.`);
  const type = part.requiredString('type');
  if (type === 'text') {
    part.only(['type', 'text']);
    return { type: 'text', text: part.requiredString('text') };
  }
  if (type === 'image_url') {
    part.only(['type', 'image_url']);
    const image = part.optionalObject('image_url');
    if (image === undefined) throw invalidField(`${where}.image_url`, 'is required');
    image.only(['url', 'detail']);
    const url = image.requiredString('url');
    const match = DATA_URL.exec(url);
    // The server reaches no network: images travel inside the request as data URLs.
    if (match === null) throw invalidField(`${where}.image_url.url`, 'must be a data URL (data:image/...;base64,...); remote URLs are not fetched');
    return { type: 'image', source: { kind: 'base64', data: match[2] ?? '', ...(match[1] === undefined ? {} : { mime: match[1] }) } };
  }
  throw invalidField(`${where}.type`, `must be "text" or "image_url", got ${JSON.stringify(type)}`);
}

function readMessages(value: unknown): Message[] {
  if (!Array.isArray(value)) throw invalidField('messages', value === undefined ? 'is required' : `must be a list, got ${describe(value)}`);
  if (value.length === 0) throw invalidField('messages', 'must not be empty');
  return value.map((raw, i): Message => {
    const where = `messages[${i}]`;
    const message = new BodyFields(raw, `${where}.`).only(['role', 'content', 'name']);
    const roleName = message.requiredString('role');
    const role = ROLES[roleName];
    if (role === undefined) throw invalidField(`${where}.role`, `must be one of ${Object.keys(ROLES).join(', ')}, got ${JSON.stringify(roleName)}`);
    const content = message.raw('content');
    if (typeof content === 'string') return { role, content };
    if (Array.isArray(content)) return { role, content: content.map((p, j) => readPart(p, `${where}.content[${j}]`)) };
    throw invalidField(`${where}.content`, content === undefined ? 'is required' : `must be a string or a list of parts, got ${describe(content)}`);
  });
}

export function readChatCall(value: unknown, defaultMaxTokens: number): ChatCall {
  const body = new BodyFields(value).only(CHAT_FIELDS);
  const messages = readMessages(body.raw('messages'));
  if (body.optionalBoolean('logprobs') === true) throw invalidField('logprobs', 'log-probabilities of chat completions are not supported; use /v1/completions with echo');
  const maxCompletion = body.optionalNumber('max_completion_tokens', { min: 1, max: 1e6, integer: true });
  const maxTokens = body.optionalNumber('max_tokens', { min: 1, max: 1e6, integer: true });
  const params = readGenerationParams(body, { value: maxCompletion ?? maxTokens, fallback: defaultMaxTokens });
  const kwargs = body.optionalObject('chat_template_kwargs')?.only(['enable_thinking']);
  const thinking = kwargs?.optionalBoolean('enable_thinking');
  if (thinking !== undefined) params.thinking = thinking;
  const hasImages = messages.some((m) => Array.isArray(m.content) && m.content.some((p) => p.type === 'image'));
  return { ...readStreamOptions(body), hasImages, request: { kind: 'generate', key: '', prompt: { kind: 'chat', messages }, params } };
}
