import { describe, expect, it } from 'vitest';
import { parseSse } from '../../../../src/model/openai/index.ts';

async function events(chunks: string[]): Promise<string[]> {
  async function* body() {
    for (const c of chunks) yield Buffer.from(c);
  }
  const out: string[] = [];
  for await (const e of parseSse(body(), () => 0)) out.push(e.data);
  return out;
}

describe('SSE parser', () => {
  it('splits events on blank lines, across arbitrary chunk boundaries', async () => {
    const wire = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    const whole = await events([wire]);
    expect(whole).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
    // Every split point gives the same events.
    for (let i = 1; i < wire.length; i++) expect(await events([wire.slice(0, i), wire.slice(i)])).toEqual(whole);
  });

  it('handles CRLF and CR line ends, comments, other fields and multi-line data', async () => {
    expect(await events([': keep-alive\r\n\r\nevent: message\r\ndata: line1\r\ndata: line2\r\n\r', '\ndata: x\r\r'])).toEqual(['line1\nline2', 'x']);
  });

  it('keeps a last event that lacks its blank line, and multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('data: héllo\n\ndata: [DONE]');
    async function* body() {
      yield bytes.subarray(0, 8); // splits the two bytes of é
      yield bytes.subarray(8);
    }
    const out: string[] = [];
    for await (const e of parseSse(body())) out.push(e.data);
    expect(out).toEqual(['héllo', '[DONE]']);
  });
});
