// Errors the server answers with, in the OpenAI shape `{error: {message, type, param, code}}`, so
// any OpenAI client shows them as it shows the real API's.
import { HarnessError } from '../core/index.ts';

export type ApiErrorType = 'invalid_request_error' | 'not_found_error' | 'server_error';

export class ApiError extends HarnessError {
  readonly status: number;
  readonly type: ApiErrorType;
  /** The request field at fault (dotted path), or null. */
  readonly param: string | null;

  constructor(status: number, type: ApiErrorType, message: string, param: string | null = null) {
    super(status >= 500 ? 'BACKEND' : 'USAGE', message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.param = param;
  }

  body(): { error: { message: string; type: ApiErrorType; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.status === 404 ? 'not_found' : this.param === null ? null : 'invalid_value' } };
  }
}

/** 400 for a bad field of the request body. */
export function invalidField(param: string, problem: string): ApiError {
  return new ApiError(400, 'invalid_request_error', `${param}: ${problem}`, param);
}
