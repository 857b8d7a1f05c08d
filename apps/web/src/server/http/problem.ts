import type { FieldError } from '@healthcare/core/errors/app-error';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  errors?: FieldError[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 problem details; `type` names the problem so clients can branch on it without parsing prose. */
export function problemResponse(
  status: number,
  detail: string,
  options: {
    type?: string;
    errors?: FieldError[];
    headers?: HeadersInit;
    members?: Record<string, unknown>;
  } = {},
): Response {
  const body: Problem = {
    ...options.members,
    type: options.type ? `urn:healthcare:problem:${options.type}` : 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  const headers = new Headers(options.headers);
  headers.set('content-type', 'application/problem+json');
  return new Response(JSON.stringify(body), { status, headers });
}
