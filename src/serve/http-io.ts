// Reading JSON bodies and writing JSON answers, with every failure an OpenAI-shaped error.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error.ts';

export { nowMs } from './clock.ts';

const MAX_BODY_BYTES = 64 * 1024 * 1024; // room for a few base64 images

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'invalid_request_error', `request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'invalid_request_error', 'request body is empty; send a JSON object', 'body');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError(400, 'invalid_request_error', `request body is not valid JSON (${(err as Error).message})`, 'body');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.status, err.body());
}
