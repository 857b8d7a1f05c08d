import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { signUpClinic, strongPassword, type ApiClient } from './api-client';

/** A signed-up clinic with one patient, the usual starting point of encounter and document tests. */
export async function clinicWithPatient(api: ApiClient, label = 'Clinic') {
  const clinic = await signUpClinic(api, label);
  const patient = await api.post(
    '/api/v1/patients',
    { name: `Paciente ${label}`, birthDate: '1980-01-01', sex: 'female' },
    clinic.token,
  );
  expect(patient.status).toBe(201);
  return { ...clinic, patientId: patient.body.id as string };
}

/** The wording a test "shows" the patient; long enough to pass the API's check. */
export const testConsentWording = 'The patient agrees that this consultation is recorded and transcribed.';

/**
 * A new encounter, by default with the patient's recording consent already recorded, since no
 * audio is accepted without it; `{ consent: false }` leaves it without. The template is the
 * clinic's default unless named.
 */
export async function createEncounter(
  api: ApiClient,
  token: string,
  patientId: string,
  options: { consent?: boolean; template?: string } = {},
) {
  const response = await api.post(
    '/api/v1/encounters',
    { patientId, ...(options.template ? { template: options.template } : {}) },
    token,
  );
  expect(response.status).toBe(201);
  const encounterId = response.body.id as string;
  if (options.consent ?? true) await recordConsent(api, token, encounterId);
  return encounterId;
}

export async function recordConsent(api: ApiClient, token: string, encounterId: string) {
  const consent = await api.post(
    `/api/v1/encounters/${encounterId}/consent`,
    { wording: testConsentWording },
    token,
  );
  expect(consent.status).toBe(201);
}

export async function addStaffMember(api: ApiClient, adminToken: string, role: 'clinician' | 'staff') {
  const email = `${role}-${randomUUID()}@example.test`;
  await api.post('/api/v1/users', { name: role, email, password: strongPassword, role }, adminToken);
  return (await api.post('/api/v1/auth/login', { email, password: strongPassword })).body
    .accessToken as string;
}

/** Sends raw bytes with a deliberately misleading Content-Type: the server must judge by the bytes. */
export async function putBytes(
  baseUrl: string,
  path: string,
  token: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...headers },
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
