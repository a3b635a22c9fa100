// Public entry point of the serve layer: an OpenAI-compatible server in front of a local model.
export { startServer, type ServeHandle, type ServeOptions } from './server.ts';
export type { StreamingBackend, TokenProgress } from './batch-collector.ts';
export type { ServedRequest } from './request-log.ts';
