// POST /v1/completions: prompt log-probabilities (echo + logprobs, max_tokens 0) or continuation.
import type { ServerResponse } from 'node:http';
import type { Completion } from '../core/index.ts';
import { checkModelName, type HandlerContext } from './chat-handler.ts';
import { readCompletionCall } from './completion-request.ts';
import { nowMs, sendError, sendJson } from './http-io.ts';
import { completionLogprobs, finishReason, responseHeader, textChunk, textCompletion, textUsageChunk, usage, type CompletionChoice } from './openai-shapes.ts';
import { outcomeError } from './outcome-errors.ts';
import type { ServedRequest } from './request-log.ts';
import { serveGeneration } from './serve-generation.ts';
import { endEventStream, startEventStream, writeEvent } from './sse.ts';

export async function handleCompletion(ctx: HandlerContext, body: unknown, res: ServerResponse, startEntry: (stream: boolean) => ServedRequest): Promise<void> {
  const call = readCompletionCall(body);
  checkModelName(body, ctx.modelName);
  const head = responseHeader('cmpl', ctx.modelName);
  const entry = startEntry(call.stream);
  const first = call.requests[0];
  if (call.requests.length === 1 && first?.kind === 'generate') {
    const prompt = call.prompts[0] ?? '';
    await serveGeneration({ collector: ctx.collector, res, entry }, first, call, {
      opening: () => (call.echo && prompt !== '' ? textChunk(head, prompt, null, call.includeUsage) : null),
      delta: (text) => textChunk(head, text, null, call.includeUsage),
      finish: (reason) => textChunk(head, '', reason, call.includeUsage),
      usageChunk: (counts) => textUsageChunk(head, counts),
      body: (answer, reason, counts) => textCompletion(head, [{ text: call.echo ? prompt + answer.text : answer.text, logprobs: null, finish: reason }], counts),
    });
    return;
  }

  // Several prompts, or nothing to generate: answer them all (they batch together), then reply once.
  const answers = await Promise.all(call.requests.map((request) => ctx.collector.submit(request)));
  entry.dispatchedAt = Math.min(...answers.map((a) => a.dispatchedAt));
  entry.batchSize = Math.max(...answers.map((a) => a.batchSize));
  const failed = answers.find((a) => !a.outcome.ok)?.outcome;
  if (failed !== undefined && !failed.ok) {
    const error = outcomeError(failed.error);
    entry.status = error.status;
    sendError(res, error);
    entry.doneAt = nowMs();
    return;
  }
  const completions = answers.map((a) => (a.outcome as { completion: Completion }).completion);
  const choices = completions.map((completion, i): CompletionChoice => {
    const prompt = call.prompts[i] ?? '';
    if (completion.kind === 'token-logprobs') {
      return { text: call.echo ? prompt : '', logprobs: call.echo && call.logprobs !== undefined ? completionLogprobs(completion, call.logprobs) : null, finish: 'length' };
    }
    const text = completion.kind === 'generate' ? completion.text : '';
    const reason = completion.kind === 'generate' ? finishReason(completion.finishReason) : 'stop';
    return { text: call.echo ? prompt + text : text, logprobs: null, finish: reason };
  });
  const counts = usage(
    completions.reduce((n, c) => n + c.tokens.prompt, 0),
    completions.reduce((n, c) => n + c.tokens.generated, 0),
  );
  entry.promptTokens = counts.prompt_tokens;
  entry.completionTokens = counts.completion_tokens;
  entry.status = 200;
  if (call.stream) {
    // Nothing is generated (max_tokens 0): the whole answer is one chunk.
    const choice = choices[0] as CompletionChoice;
    startEventStream(res);
    writeEvent(res, { ...textChunk(head, choice.text, choice.finish, call.includeUsage), choices: [{ index: 0, text: choice.text, logprobs: choice.logprobs, finish_reason: choice.finish }] });
    if (call.includeUsage) writeEvent(res, textUsageChunk(head, counts));
    endEventStream(res);
  } else sendJson(res, 200, textCompletion(head, choices, counts));
  entry.doneAt = nowMs();
}
