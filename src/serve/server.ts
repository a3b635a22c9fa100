// The OpenAI-compatible HTTP server (node:http, no framework) in front of a streaming backend
// (the ONNX worker pool). Routes: POST /v1/chat/completions, POST /v1/completions, GET /v1/models,
// GET /health, and GET /debug/requests when started with `debug`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './api-error.ts';
import { BatchCollector, type StreamingBackend } from './batch-collector.ts';
import { handleChat, type HandlerContext } from './chat-handler.ts';
import { handleCompletion } from './completion-handler.ts';
import { nowMs, readJsonBody, sendError, sendJson } from './http-io.ts';
import { RequestLog, type ServedRequest } from './request-log.ts';

export interface ServeOptions {
  backend: StreamingBackend;
  /** The name /v1/models lists and requests must use (or omit). */
  modelName: string;
  /** Default: what the backend says of itself (a vision-language model takes images). */
  acceptsImages?: boolean;
  /** Default 127.0.0.1: serving beyond this machine is an explicit choice. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Exposes GET /debug/requests (server-side timestamps of recent requests). */
  debug?: boolean;
  /** How long a request waits for others to share its batch. */
  batchWindowMs?: number;
  /** max_tokens of a chat request that sets none. */
  defaultMaxTokens?: number;
}

export interface ServeHandle {
  url: string;
  host: string;
  port: number;
  /** Server-side timestamps of recent requests, oldest first. */
  requests(): ServedRequest[];
  /** Stop accepting, let requests in flight finish, then close every connection. */
  close(): Promise<void>;
}

const ROUTES: Record<string, string> = {
  '/v1/chat/completions': 'POST',
  '/v1/completions': 'POST',
  '/v1/models': 'GET',
  '/health': 'GET',
  '/debug/requests': 'GET',
};

export async function startServer(options: ServeOptions): Promise<ServeHandle> {
  const collector = new BatchCollector(options.backend, options.batchWindowMs === undefined ? {} : { windowMs: options.batchWindowMs });
  const log = new RequestLog();
  const context: HandlerContext = { collector, modelName: options.modelName, acceptsImages: options.acceptsImages ?? options.backend.capabilities?.images ?? false, defaultMaxTokens: options.defaultMaxTokens ?? 256 };
  const createdAt = Math.floor(Date.now() / 1000);
  const inFlight = new Set<Promise<void>>();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://server').pathname.replace(/\/+$/, '') || '/';
    const method = ROUTES[path];
    if (method === undefined || (path === '/debug/requests' && options.debug !== true)) throw new ApiError(404, 'not_found_error', `no route ${req.method ?? ''} ${path}`);
    if (req.method !== method) throw new ApiError(405, 'invalid_request_error', `${path} takes ${method}, not ${req.method ?? '?'}`);
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/v1/models') return sendJson(res, 200, { object: 'list', data: [{ id: options.modelName, object: 'model', created: createdAt, owned_by: 'ernie-eval' }] });
    if (path === '/debug/requests') return sendJson(res, 200, { requests: log.list() });
    const body = await readJsonBody(req);
    const receivedAt = nowMs();
    const endpoint = path as ServedRequest['endpoint'];
    const startEntry = (stream: boolean) => log.start(endpoint, stream, receivedAt);
    if (endpoint === '/v1/chat/completions') await handleChat(context, body, res, startEntry);
    else await handleCompletion(context, body, res, startEntry);
  };

  const server = createServer((req, res) => {
    res.on('error', () => undefined); // a client that hung up mid-stream is not the server's failure
    const handled = route(req, res)
      .catch((err: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const error = err instanceof ApiError ? err : new ApiError(500, 'server_error', `internal error: ${err instanceof Error ? err.message : String(err)}`);
        sendError(res, error);
      })
      .finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/v1`,
    host,
    port,
    requests: () => log.list(),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        while (inFlight.size > 0) await Promise.all([...inFlight]);
        await collector.drained();
        server.closeIdleConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
