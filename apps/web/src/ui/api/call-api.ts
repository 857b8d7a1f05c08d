import { cookieNames } from '../../server/http/cookies';
import { ApiProblem, networkProblem, SessionExpired } from './api-problem';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  body?: unknown;
  /** Sent as is with its own type (audio chunks, files) instead of JSON. */
  rawBody?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const apiBase = '/api/v1';

/**
 * Calls our API with the session cookies. An expired access token is renewed once with the
 * refresh cookie and the call retried; when that fails too, the browser goes to the login page.
 * Failures throw an ApiProblem.
 */
export async function callApi<T>(method: Method, path: string, options: CallOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 401 && !path.startsWith('/auth/')) {
    if (!(await refreshSession())) {
      // Without it the pages' server-side check also sees no session and sends later visits
      // straight to the login page, instead of rendering a page whose every call fails.
      document.cookie = `${cookieNames.csrf}=; path=/; max-age=0; samesite=lax`;
      window.location.assign('/login');
      throw new SessionExpired();
    }
    response = await send(method, path, options);
  }
  if (!response.ok) throw await ApiProblem.fromResponse(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function send(method: Method, path: string, options: CallOptions) {
  const headers = new Headers({ accept: 'application/json', ...options.headers });
  if (method !== 'GET') {
    headers.set(
      'content-type',
      options.rawBody ? options.rawBody.type || 'application/octet-stream' : 'application/json',
    );
    // Double-submit CSRF protection: only a script on our own origin can read this cookie.
    headers.set('x-csrf-token', readCookie(cookieNames.csrf) ?? '');
  }
  try {
    return await fetch(`${apiBase}${path}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : (options.rawBody ?? JSON.stringify(options.body ?? {})),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw networkProblem();
  }
}

// Several calls may fail with 401 at the same moment; they share one refresh, since a refresh
// token is single-use and presenting it twice would revoke the whole session.
let refreshing: Promise<boolean> | undefined;

function refreshSession(): Promise<boolean> {
  refreshing ??= send('POST', '/auth/refresh', {})
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
