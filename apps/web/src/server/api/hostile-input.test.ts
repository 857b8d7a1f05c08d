import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../http/route';
import { clinicWithPatient, createEncounter } from '../testing/clinic-fixtures';
import { useTestApp } from '../testing/start-test-app';
import { apiRoutes } from './routes';

// Hundreds of requests from one user and address: the budgets are not what is tested here.
const { api, testApp } = useTestApp({
  RATE_LIMIT_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_USER_PER_MINUTE: '1000000',
  RATE_LIMIT_CLINIC_PER_MINUTE: '1000000',
  RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_AI_USER_PER_MINUTE: '1000000',
  RATE_LIMIT_AI_CLINIC_PER_MINUTE: '1000000',
});

const runsPerRoute = 25;
let token = '';
let realIds: string[] = [];

beforeAll(async () => {
  const clinic = await clinicWithPatient(api, 'Hostile');
  token = clinic.token;
  realIds = [clinic.patientId, await createEncounter(api, clinic.token, clinic.patientId)];
});

// Values that have broken parsers before: traversal, encodings, NUL, huge numbers, RTL overrides.
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '../../etc/passwd',
    '..%2F..%2F',
    '%00',
    '%',
    '%E0%A4%A',
    'null',
    '-1',
    '1e309',
    'NaN',
    '\u202Egnp.exe',
    "' OR '1'='1",
    '<script>alert(1)</script>',
    '9'.repeat(400),
    'a'.repeat(5000),
  ),
);

const paramValue = () => fc.oneof(fc.constantFrom(...realIds), fc.uuid(), nastyText);

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc
    .dictionary(
      fc.oneof(
        fc.constantFrom('name', 'email', 'password', 'patientId', 'language', 'sections', 'version', 'text'),
        fc.string(),
      ),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map((value) => JSON.stringify(value)),
  nastyText,
  fc.constant('{"unterminated": '),
);

const credential = fc.oneof(
  { weight: 6, arbitrary: fc.constant('real') },
  { weight: 1, arbitrary: fc.constant('none') },
  // Header values must be visible ASCII, or fetch itself refuses to send them.
  { weight: 1, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,300}$/) },
);

/** Percent-encodes the UTF-8 bytes, except `%` itself, so broken escapes like `%E0%A4%A` arrive as sent. */
function encodePathSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~%]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

function requestFor(route: Route<never, never, never>) {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  return fc.record({
    params: fc.tuple(...names.map(() => paramValue())),
    query: fc.dictionary(
      fc.oneof(fc.constantFrom('q', 'limit', 'cursor', 'from', 'to', 'action', 'patientId'), fc.string()),
      nastyText,
      { maxKeys: 3 },
    ),
    body: route.rawBody ? fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)) : jsonBody,
    contentType: fc.constantFrom(
      ...(route.rawBody?.contentTypes ?? ['application/json']),
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
    ),
    credential,
  });
}

describe('hostile input', () => {
  it('should cover every route', () => {
    expect(apiRoutes.length).toBeGreaterThan(20);
  });

  for (const route of apiRoutes as readonly Route<never, never, never>[]) {
    it(`${route.method} ${route.path} should never answer 5xx to random or malformed input`, async () => {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (input) => {
          let path = route.path;
          for (const value of input.params) {
            path = path.replace(/\{\w+\}/, encodePathSegment(value));
          }
          const query = new URLSearchParams(input.query).toString();
          const headers: Record<string, string> = { 'content-type': input.contentType };
          if (input.credential === 'real') headers.authorization = `Bearer ${token}`;
          else if (input.credential !== 'none') headers.authorization = `Bearer ${input.credential}`;
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
          const response = await fetch(`${testApp().baseUrl}/api/v1${path}${query ? `?${query}` : ''}`, {
            method: route.method,
            headers,
            ...(hasBody ? { body: input.body } : {}),
          });
          const type = response.headers.get('content-type') ?? '';
          // Event streams and downloads are not read to their end; only the status matters.
          const text = type.startsWith('application/') && type.includes('json') ? await response.text() : '';
          if (!text) await response.body?.cancel();
          expect(response.status, `${route.method} ${path} → ${response.status} ${text}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(type).toBe('application/problem+json');
            expect(text).not.toMatch(/\n\s+at |node_modules|Error:/);
          }
        }),
        { numRuns: runsPerRoute },
      );
    });
  }
});
