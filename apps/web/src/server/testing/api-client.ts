import { randomUUID } from 'node:crypto';

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A thin fetch wrapper for tests: JSON in, JSON (or problem+json) out, status and headers kept. */
/** `baseUrl` may be a function when the server starts after the client is made (see useTestApp). */
export function apiClient(baseUrl: string | (() => string)) {
  async function call<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<T>> {
    const headers = new Headers(options.headers);
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const base = typeof baseUrl === 'function' ? baseUrl() : baseUrl;
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the raw text is returned for the assertion to show.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, token ? { token } : {}),
    post: <T = any>(path: string, body: unknown, token?: string) =>
      call<T>('POST', path, { body, ...(token ? { token } : {}) }),
    patch: <T = any>(path: string, body: unknown, token?: string) =>
      call<T>('PATCH', path, { body, ...(token ? { token } : {}) }),
    delete: <T = any>(path: string, token?: string) => call<T>('DELETE', path, token ? { token } : {}),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

export const strongPassword = 'correct horse battery staple';

/** A new clinic with its admin, signed in. Unique emails keep tests independent in the shared run database. */
export async function signUpClinic(api: ApiClient, label = 'Clinic') {
  const email = `admin-${randomUUID()}@example.test`;
  const response = await api.post('/api/v1/auth/signup', {
    clinicName: `${label} ${randomUUID().slice(0, 8)}`,
    name: 'Dr. Admin',
    email,
    password: strongPassword,
  });
  if (response.status !== 201)
    throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { email, token: response.body.accessToken as string, session: response.body };
}
