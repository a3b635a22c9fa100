// POST /v1/chat/completions.
import type { ServerResponse } from 'node:http';
import { ApiError } from './api-error.ts';
import type { BatchCollector } from './batch-collector.ts';
import { readChatCall } from './chat-request.ts';
import { chatChunk, chatCompletion, chatUsageChunk, responseHeader } from './openai-shapes.ts';
import type { ServedRequest } from './request-log.ts';
import { serveGeneration } from './serve-generation.ts';

export interface HandlerContext {
  collector: BatchCollector;
  modelName: string;
  acceptsImages: boolean;
  defaultMaxTokens: number;
}

export function checkModelName(body: unknown, served: string): void {
  const asked = (body as { model?: unknown }).model;
  if (typeof asked === 'string' && asked !== served) throw new ApiError(404, 'not_found_error', `The model "${asked}" does not exist; this server serves "${served}"`, 'model');
}

export async function handleChat(ctx: HandlerContext, body: unknown, res: ServerResponse, startEntry: (stream: boolean) => ServedRequest): Promise<void> {
  const call = readChatCall(body, ctx.defaultMaxTokens);
  checkModelName(body, ctx.modelName);
  if (call.hasImages && !ctx.acceptsImages) throw new ApiError(400, 'invalid_request_error', 'messages: this model does not accept images (text-only)', 'messages');
  const head = responseHeader('chatcmpl', ctx.modelName);
  const withUsage = call.includeUsage;
  await serveGeneration({ collector: ctx.collector, res, entry: startEntry(call.stream) }, call.request, call, {
    opening: () => chatChunk(head, { role: 'assistant', content: '' }, null, withUsage),
    delta: (text) => chatChunk(head, { content: text }, null, withUsage),
    finish: (reason, reasoning) => chatChunk(head, reasoning === undefined ? {} : { reasoning_content: reasoning }, reason, withUsage),
    usageChunk: (counts) => chatUsageChunk(head, counts),
    body: (answer, reason, counts) => chatCompletion(head, answer, reason, counts),
  });
}
