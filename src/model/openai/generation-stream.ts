// Reading one streamed generation (chat or text completions) and timing it as vLLM's
// `bench serve` does (benchmarks/backend_request_func.py): TTFT is the time from sending the
// request to the first chunk carrying generated text (content or reasoning), ITL the gaps between
// successive such chunks, E2E the time to the end of the stream.
import { HarnessError } from '../../core/index.ts';
import { TruncatedBodyError, type HttpResponse } from './http-client.ts';
import { parseSse } from './sse.ts';

export interface StreamedGeneration {
  text: string;
  reasoning: string;
  /** `finish_reason` of the last chunk that had one ('stop', 'length', ...). */
  finishReason: string | null;
  /** vLLM's `stop_reason`: the stop string or token id that ended generation, null for EOS; absent elsewhere. */
  stopReason?: string | number | null;
  usage?: { promptTokens: number; completionTokens: number };
  /** Epoch ms of each chunk that carried generated text. */
  tokenTimes: number[];
  /** Epoch ms when the stream ended. */
  endedAt: number;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function readUsage(value: unknown): StreamedGeneration['usage'] {
  const usage = asObject(value);
  if (usage === undefined) return undefined;
  const prompt = usage.prompt_tokens;
  const completion = usage.completion_tokens;
  return typeof prompt === 'number' && typeof completion === 'number' ? { promptTokens: prompt, completionTokens: completion } : undefined;
}

/** An `{"error": ...}` event in the middle of a stream (vLLM sends these). */
function streamError(event: Json): HarnessError | undefined {
  if (event.error === undefined) return undefined;
  const error = asObject(event.error);
  const message = error === undefined ? str(event.error) : str(error.message);
  const code = typeof error?.code === 'number' ? error.code : 500;
  return new HarnessError('BACKEND', `server error in stream: ${message || JSON.stringify(event.error)}`, { retryable: code === 429 || code >= 500 });
}

export async function readGenerationStream(response: HttpResponse, endpoint: 'chat' | 'text', now: () => number): Promise<StreamedGeneration> {
  const out: StreamedGeneration = { text: '', reasoning: '', finishReason: null, tokenTimes: [], endedAt: 0 };
  let done = false;
  for await (const event of parseSse(response.body, now)) {
    // Read on to the end of the body rather than break: leaving the loop early would destroy the
    // response and with it the keep-alive socket, costing a new connection per request.
    if (done) continue;
    if (event.data.trim() === '[DONE]') {
      done = true;
      continue;
    }
    let parsed: Json | undefined;
    try {
      parsed = asObject(JSON.parse(event.data));
    } catch {
      throw new HarnessError('BACKEND', `stream event is not JSON: ${JSON.stringify(event.data.slice(0, 120))}`);
    }
    if (parsed === undefined) continue;
    const failure = streamError(parsed);
    if (failure !== undefined) throw failure;
    out.usage = readUsage(parsed.usage) ?? out.usage;
    const choices = Array.isArray(parsed.choices) ? parsed.choices : [];
    const choice = asObject(choices[0]);
    if (choice === undefined) continue;
    let piece = '';
    let thought = '';
    if (endpoint === 'chat') {
      const delta = asObject(choice.delta) ?? {};
      piece = str(delta.content);
      // FastDeploy and vLLM name it reasoning_content; newer vLLM also `reasoning`.
      thought = str(delta.reasoning_content) || str(delta.reasoning);
    } else {
      piece = str(choice.text);
    }
    if (piece !== '' || thought !== '') out.tokenTimes.push(event.at);
    out.text += piece;
    out.reasoning += thought;
    if (typeof choice.finish_reason === 'string') out.finishReason = choice.finish_reason;
    if ('stop_reason' in choice) {
      const stop = choice.stop_reason;
      out.stopReason = typeof stop === 'string' || typeof stop === 'number' ? stop : null;
    }
  }
  // Without [DONE] and without a finish reason, the stream was cut: the attempt failed.
  if (!done && out.finishReason === null) throw new TruncatedBodyError('stream ended before its last chunk');
  out.endedAt = now();
  return out;
}
