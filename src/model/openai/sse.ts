// Server-sent events (the WHATWG EventSource wire format, as OpenAI-compatible servers stream):
// events are separated by a blank line, each `data:` line adds a line to the event's data, lines
// starting with `:` are comments. Each event carries the time its last byte arrived, which is what
// TTFT and ITL are measured from.
import { performance } from 'node:perf_hooks';

export interface SseEvent {
  data: string;
  /** Epoch ms when the chunk completing this event arrived. */
  at: number;
}

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export async function* parseSse(body: AsyncIterable<Buffer | string>, now: () => number = epochNow): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const flushLine = (line: string): SseEvent | undefined => {
    if (line === '') {
      if (data.length === 0) return undefined;
      const event = { data: data.join('\n'), at: 0 };
      data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    return undefined;
  };
  for await (const chunk of body) {
    const at = now();
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.search(/\r\n|\n|\r/u)) !== -1) {
      // A lone \r at the end of the buffer may be the first half of \r\n: wait for the next chunk.
      if (buffer[newline] === '\r' && newline === buffer.length - 1) break;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      const event = flushLine(line);
      if (event !== undefined) yield { ...event, at };
    }
  }
  buffer += decoder.decode();
  // A final event without its blank line still counts (some servers close right after `data: [DONE]`).
  const pending = buffer === '' ? undefined : flushLine(buffer.replace(/\r$/u, ''));
  const last = pending ?? flushLine('');
  if (last !== undefined) yield { ...last, at: now() };
}
