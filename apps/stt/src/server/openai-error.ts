import type { ServerResponse } from 'node:http';

/**
 * A refusal in OpenAI's error shape (`{ error: { message, type, param, code } }`), so clients
 * written for OpenAI (ours included) read the message. Messages never quote the upload.
 */
export class OpenAiError extends Error {
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly status: number,
    message: string,
    options: { code?: string; param?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'OpenAiError';
    this.type = status >= 500 ? 'server_error' : 'invalid_request_error';
    this.param = options.param ?? null;
    this.code = options.code ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function sendOpenAiError(response: ServerResponse, error: OpenAiError): void {
  const body = JSON.stringify({
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  });
  response.statusCode = error.status;
  response.setHeader('content-type', 'application/json');
  response.setHeader('content-length', Buffer.byteLength(body));
  if (error.retryAfterSeconds !== undefined)
    response.setHeader('retry-after', String(error.retryAfterSeconds));
  response.end(body);
}
