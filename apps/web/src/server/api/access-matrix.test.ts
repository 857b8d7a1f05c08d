import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signUpClinic, type ApiClient } from '../testing/api-client';
import { addStaffMember, clinicWithPatient, createEncounter } from '../testing/clinic-fixtures';
import { useTestApp } from '../testing/start-test-app';
import { tinyPng, tinyWav } from '../testing/tiny-files';

/**
 * Who may call what: the product's access policy, written down once. Every operation in the
 * OpenAPI document must appear here, so a new route cannot ship without a decision.
 * `staff` runs the front desk (patients, scheduling, documents) and never sees clinical content.
 */
const everyone = ['admin', 'clinician', 'staff'] as const;
const clinical = ['admin', 'clinician'] as const;
const adminOnly = ['admin'] as const;
const policy: Record<string, 'public' | readonly string[]> = {
  'POST /auth/signup': 'public',
  'POST /auth/login': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/logout': 'public',
  'GET /openapi.json': 'public',
  'GET /files/{token}': 'public',
  'GET /me': everyone,
  'POST /users': adminOnly,
  'GET /audit': adminOnly,
  'GET /patients': everyone,
  'POST /patients': everyone,
  'GET /patients/{id}': everyone,
  'PATCH /patients/{id}': everyone,
  'DELETE /patients/{id}': adminOnly,
  'GET /patients/{id}/encounters': everyone,
  'GET /patients/{id}/documents': everyone,
  'POST /patients/{id}/documents': everyone,
  'GET /documents/{id}/content': everyone,
  'POST /encounters': everyone,
  'GET /encounters/{id}': everyone,
  'GET /encounters/{id}/events': clinical,
  'GET /encounters/{id}/transcript': clinical,
  'POST /encounters/{id}/consent': clinical,
  'PUT /encounters/{id}/audio': clinical,
  'PUT /encounters/{id}/audio/chunks/{seq}': clinical,
  'POST /encounters/{id}/audio/complete': clinical,
  'POST /encounters/{id}/retry': clinical,
  'GET /encounters/{id}/note': clinical,
  'PATCH /encounters/{id}/note': clinical,
  'GET /encounters/{id}/note.pdf': clinical,
  'POST /encounters/{id}/note/sign': clinical,
  'POST /encounters/{id}/note/regenerate': clinical,
  'POST /encounters/{id}/note/addenda': clinical,
  'GET /encounters': everyone,
  'GET /encounters/{id}/audio': clinical,
  'GET /encounters/{id}/audio/chunks/{seq}': clinical,
  'GET /fhir/Patient/{id}/$everything': clinical,
  'GET /fhir/Composition/{id}': clinical,
  'POST /patients/{id}/export': clinical,
  'GET /patients/{id}/exports/{exportId}': clinical,
  'GET /users': adminOnly,
  'PATCH /users/{id}': adminOnly,
  'GET /settings/providers': adminOnly,
  'GET /templates': everyone,
  'GET /templates/{key}': everyone,
  'POST /templates': adminOnly,
  'PATCH /templates/{key}': adminOnly,
  'DELETE /templates/{key}': adminOnly,
  'POST /templates/{key}/archive': adminOnly,
  'POST /templates/{key}/restore': adminOnly,
};

/** A request that passes validation, so that only access decides the answer. */
interface Sample {
  body?: unknown;
  raw?: { bytes: Buffer; contentType: string; headers?: Record<string, string> };
  headers?: Record<string, string>;
}
const samples: Record<string, Sample> = {
  'POST /users': {
    body: { name: 'X', email: 'x@example.test', password: 'a long enough password', role: 'staff' },
  },
  'POST /patients': { body: { name: 'Novo Paciente', birthDate: '1990-01-01', sex: 'male' } },
  'PATCH /patients/{id}': { body: { name: 'Renamed by intruder' } },
  'POST /patients/{id}/documents': {
    raw: { bytes: tinyPng, contentType: 'image/png', headers: { 'x-filename': 'exame.png' } },
  },
  'PUT /encounters/{id}/audio': { raw: { bytes: tinyWav, contentType: 'audio/wav' } },
  'PUT /encounters/{id}/audio/chunks/{seq}': { raw: { bytes: tinyWav, contentType: 'audio/wav' } },
  'POST /encounters': { body: {} },
  'POST /encounters/{id}/audio/complete': { body: { chunkCount: 1 } },
  'POST /encounters/{id}/retry': { body: {} },
  'POST /encounters/{id}/consent': {
    body: { wording: 'O paciente consentiu com a gravação desta consulta.' },
  },
  'PATCH /encounters/{id}/note': {
    body: { sections: [{ key: 'subjective', items: [{ text: 'Intruder text' }] }] },
    headers: { 'if-match': '"1"' },
  },
  'POST /encounters/{id}/note/sign': { body: {}, headers: { 'if-match': '"1"' } },
  'POST /encounters/{id}/note/regenerate': { body: {} },
  'POST /encounters/{id}/note/addenda': { body: { text: 'Intruder addendum' } },
  'POST /templates': {
    body: {
      key: 'intruso',
      name: 'Intruso',
      sections: [{ key: 'plano', title: 'Plano', instructions: 'Plano.' }],
    },
  },
  'PATCH /templates/{key}': { body: { name: 'Renamed by intruder' } },
  'POST /templates/{key}/archive': { body: {} },
  'POST /templates/{key}/restore': { body: {} },
  'PATCH /users/{id}': { body: { role: 'staff' } },
};

const { api, testApp } = useTestApp();

interface ClinicA {
  tokens: Record<'admin' | 'clinician' | 'staff', string>;
  clinicId: string;
  patientId: string;
  encounterId: string;
  documentId: string;
  templateKey: string;
  staffUserId: string;
}
let clinicA: ClinicA;
let intruderToken = '';
let operations: { method: string; path: string; xRoles: string[] | undefined }[] = [];

beforeAll(async () => {
  const { token, patientId, session } = await clinicWithPatient(api, 'Matrix A');
  const encounterId = await createEncounter(api, token, patientId);
  const document = await uploadRaw(
    api,
    `/api/v1/patients/${patientId}/documents`,
    token,
    samples['POST /patients/{id}/documents']!,
  );
  expect(document.status).toBe(201);
  const template = await api.post(
    '/api/v1/templates',
    { ...(samples['POST /templates']!.body as object), key: 'propria' },
    token,
  );
  expect(template.status).toBe(201);
  clinicA = {
    tokens: {
      admin: token,
      clinician: await addStaffMember(api, token, 'clinician'),
      staff: await addStaffMember(api, token, 'staff'),
    },
    clinicId: session.clinic.id,
    patientId,
    encounterId,
    documentId: document.body.id,
    templateKey: 'propria',
    staffUserId: '',
  };
  clinicA.staffUserId = decodeJwt(clinicA.tokens.staff).sub!;
  intruderToken = (await signUpClinic(api, 'Matrix B')).token;
  const openapi = await api.get('/api/v1/openapi.json');
  operations = Object.entries(
    openapi.body.paths as Record<string, Record<string, { 'x-roles'?: string[] }>>,
  ).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      xRoles: operation['x-roles'],
    })),
  );
});

function uploadRaw(client: ApiClient, path: string, token: string, sample: Sample) {
  return client.call('POST', path, {
    rawBody: sample.raw!.bytes as unknown as string,
    token,
    headers: { 'content-type': sample.raw!.contentType, ...sample.raw!.headers },
  });
}

/** Fills the path with clinic A's resources; `fresh` gives deletions a resource of their own. */
async function pathFor(template: string, fresh: boolean): Promise<string> {
  let patientId = clinicA.patientId;
  let templateKey = clinicA.templateKey;
  if (fresh && template.startsWith('/patients/{id}')) {
    patientId = (await clinicWithPatientIn(clinicA.tokens.admin)).patientId;
  }
  if (fresh && template.startsWith('/templates/{key}')) {
    templateKey = `descartavel${Math.floor(Math.random() * 1e9)}`;
    const body = { ...(samples['POST /templates']!.body as object), key: templateKey };
    expect((await api.post('/api/v1/templates', body, clinicA.tokens.admin)).status).toBe(201);
  }
  return template
    .replace(/^\/patients\/\{id\}/, `/patients/${patientId}`)
    .replace(/^\/encounters\/\{id\}/, `/encounters/${clinicA.encounterId}`)
    .replace(/^\/documents\/\{id\}/, `/documents/${clinicA.documentId}`)
    .replace(/^\/templates\/\{key\}/, `/templates/${templateKey}`)
    .replace(/^\/fhir\/Patient\/\{id\}/, `/fhir/Patient/${patientId}`)
    .replace(/^\/users\/\{id\}/, `/users/${clinicA.staffUserId}`)
    .replace(/\{(id|exportId)\}/, randomUUID())
    .replace('{seq}', '1');
}

async function clinicWithPatientIn(adminToken: string) {
  const response = await api.post('/api/v1/patients', samples['POST /patients']!.body, adminToken);
  expect(response.status).toBe(201);
  return { patientId: response.body.id as string };
}

async function send(method: string, path: string, token: string, sample: Sample = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...sample.headers };
  let body: BodyInit | undefined;
  if (sample.raw) {
    body = new Uint8Array(sample.raw.bytes);
    Object.assign(headers, { 'content-type': sample.raw.contentType }, sample.raw.headers);
  } else if (method !== 'GET' && method !== 'DELETE') {
    body = JSON.stringify(sample.body ?? {});
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${testApp().baseUrl}/api/v1${path}`, { method, headers, body });
  // Event streams stay open: only the status is wanted.
  await response.body?.cancel();
  return response.status;
}

describe('the access policy', () => {
  it('should cover every operation of the API and be the one the OpenAPI document states', () => {
    const listed = operations.map((operation) => `${operation.method} ${operation.path}`);
    expect(listed.filter((key) => !(key in policy))).toEqual([]);
    expect(Object.keys(policy).filter((key) => !listed.includes(key))).toEqual([]);
    for (const operation of operations) {
      const allowed = policy[`${operation.method} ${operation.path}`];
      expect(operation.xRoles, `${operation.method} ${operation.path}`).toEqual(
        allowed === 'public' ? undefined : [...allowed!],
      );
    }
  });

  it('should give every role of the clinic exactly the access the policy grants', async () => {
    const outcomes: string[] = [];
    for (const operation of operations) {
      const key = `${operation.method} ${operation.path}`;
      const allowed = policy[key];
      if (allowed === 'public' || allowed === undefined) continue;
      for (const role of everyone) {
        const path = await pathFor(operation.path, operation.method === 'DELETE');
        const status = await send(operation.method, path, clinicA.tokens[role], samples[key]);
        const permitted = allowed.includes(role);
        const ok = permitted ? status !== 403 && status !== 401 && status < 500 : status === 403;
        if (!ok) outcomes.push(`${role} ${key} → ${status}, expected ${permitted ? 'access' : '403'}`);
      }
    }
    expect(outcomes).toEqual([]);
  });
});

describe('tenant isolation', () => {
  let owner: pg.Client;
  beforeAll(async () => {
    owner = new pg.Client({ connectionString: inject('testDatabase').ownerUrl });
    await owner.connect();
  });
  afterAll(() => owner?.end());

  /** Every row of clinic A in every tenant table, and every object it stores, as one fingerprint. */
  async function fingerprint(): Promise<string> {
    const tables = await owner.query<{ table_name: string }>(
      `select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'clinic_id' order by table_name`,
    );
    const parts: string[] = [];
    for (const { table_name: table } of tables.rows) {
      const result = await owner.query<{ digest: string | null }>(
        `select md5(string_agg(t::text, '|' order by t::text)) as digest from "${table}" t where clinic_id = $1`,
        [clinicA.clinicId],
      );
      parts.push(`${table}:${result.rows[0]?.digest}`);
    }
    for await (const object of testApp().app.storage.list(`clinics/${clinicA.clinicId}/`)) {
      parts.push(`${object.key}:${object.size}`);
    }
    return parts.join('\n');
  }

  it("should answer 404 to another clinic's admin on every route that names a resource, and change nothing", async () => {
    const before = await fingerprint();
    const outcomes: string[] = [];
    for (const operation of operations) {
      const key = `${operation.method} ${operation.path}`;
      if (policy[key] === 'public' || !operation.path.includes('{')) continue;
      const path = await pathFor(operation.path, false);
      const status = await send(operation.method, path, intruderToken, samples[key]);
      if (status !== 404) outcomes.push(`${key} → ${status}`);
    }
    expect(outcomes).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });
});
