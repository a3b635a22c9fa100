// One generation request, streamed or not, shared by chat and completions (they differ only in
// the shapes of their bodies and chunks). Headers go out with the first token, not before, so an
// error found before generation (a prompt too long, say) is still a proper HTTP status; once a
// stream has started, an error is sent as a last `{error}` event, as vLLM does.
import type { ServerResponse } from 'node:http';
import type { GenerateRequest } from '../core/index.ts';
import type { BatchCollector } from './batch-collector.ts';
import { nowMs, sendError, sendJson } from './http-io.ts';
import { finishReason, usage, type FinishReason, type Usage } from './openai-shapes.ts';
import { outcomeError } from './outcome-errors.ts';
import type { ServedRequest } from './request-log.ts';
import type { StreamOptions } from './sampling-fields.ts';
import { endEventStream, startEventStream, writeEvent } from './sse.ts';
import { StreamedText } from './stream-text.ts';

export interface GenerationShapes {
  /** Sent before the first text chunk (chat: the role; completions with echo: the prompt). */
  opening(): unknown;
  delta(text: string): unknown;
  finish(reason: FinishReason, reasoning: string | undefined): unknown;
  usageChunk(counts: Usage): unknown;
  body(answer: { text: string; reasoning?: string }, reason: FinishReason, counts: Usage): unknown;
}

export interface GenerationContext {
  collector: BatchCollector;
  res: ServerResponse;
  entry: ServedRequest;
}

export async function serveGeneration(ctx: GenerationContext, request: GenerateRequest, options: StreamOptions, shapes: GenerationShapes): Promise<void> {
  const { res, entry } = ctx;
  const streamed = new StreamedText(request.params.until);
  let started = false;
  const write = (data: unknown, isText: boolean) => {
    if (!started) {
      startEventStream(res);
      started = true;
      const opening = shapes.opening();
      if (opening !== null) writeEvent(res, opening);
    }
    writeEvent(res, data);
    if (isText) entry.chunkWrittenAt.push(nowMs());
  };

  const answered = await ctx.collector.submit(request, (progress) => {
    entry.firstTokenAt ??= progress.at;
    if (!options.stream) return;
    const delta = streamed.update(progress.text);
    if (delta !== '') write(shapes.delta(delta), true);
  });
  entry.dispatchedAt = answered.dispatchedAt;
  entry.batchSize = answered.batchSize;
  const { outcome } = answered;
  if (!outcome.ok || outcome.completion.kind !== 'generate') {
    const error = outcomeError(outcome.ok ? { code: 'INTERNAL', message: `expected a generation, got ${outcome.completion.kind}`, retryable: false } : outcome.error);
    entry.status = started ? 200 : error.status;
    if (started) {
      writeEvent(res, error.body());
      endEventStream(res);
    } else sendError(res, error);
    entry.doneAt = nowMs();
    return;
  }
  const completion = outcome.completion;
  const counts = usage(completion.tokens.prompt, completion.tokens.generated);
  entry.promptTokens = counts.prompt_tokens;
  entry.completionTokens = counts.completion_tokens;
  entry.status = 200;
  const reason = finishReason(completion.finishReason);
  if (!options.stream) {
    sendJson(res, 200, shapes.body(completion, reason, counts));
    entry.doneAt = nowMs();
    return;
  }
  const rest = streamed.finish(completion.text);
  if (!rest.consistent) {
    // Cannot happen with prefix-stable decoders; if it does, say so rather than send a wrong text.
    write({ error: { message: 'streamed text diverged from the final text (tokenizer decode is not prefix-stable)', type: 'server_error', param: null, code: null } }, false);
  } else if (rest.delta !== '') write(shapes.delta(rest.delta), true);
  write(shapes.finish(reason, completion.reasoning), false);
  if (options.includeUsage) writeEvent(res, shapes.usageChunk(counts));
  endEventStream(res);
  entry.doneAt = nowMs();
}
