// A failed outcome as an HTTP error: what the request itself got wrong is the client's (400),
// anything else is the server's (500). Decided by the error's code, never by its text.
import type { SampleError } from '../core/index.ts';
import { ApiError } from './api-error.ts';

const CLIENT_CODES = new Set(['TOKENIZER', 'CAPABILITY', 'USAGE']);

export function outcomeError(error: SampleError): ApiError {
  return CLIENT_CODES.has(error.code)
    ? new ApiError(400, 'invalid_request_error', `${error.message} [${error.code}]`)
    : new ApiError(500, 'server_error', `${error.message} [${error.code}]`);
}
