import { expect, vi } from 'vitest';
import type { ApiClient } from './api-client';
import { clinicWithPatient, createEncounter, putBytes } from './clinic-fixtures';
import type { useAiPipelineApp } from './use-ai-pipeline-app';

type PipelineApp = ReturnType<typeof useAiPipelineApp>;

export const examPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/**
 * A patient with a full record, built through the API: an encounter recorded, transcribed, its
 * note generated, signed and given an addendum; a second encounter never recorded; an uploaded
 * exam. The dictated text holds XHTML's special characters, which FHIR narrative must escape.
 */
export async function patientWithRecord(
  api: ApiClient,
  { testApp, state }: Omit<PipelineApp, 'api'>,
  label: string,
) {
  const clinic = await clinicWithPatient(api, label);
  const { token, patientId } = clinic;
  const encounterId = await createEncounter(api, token, patientId);
  state.stt.enqueue({
    kind: 'ok',
    text: () => 'Paciente relata tosse seca & febre <38 graus há cinco dias.',
  });
  await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
  expect(
    (await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 1 }, token)).status,
  ).toBe(202);
  await vi.waitFor(
    async () => expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready'),
    { timeout: 30_000, interval: 100 },
  );
  const signed = await api.post(`/api/v1/encounters/${encounterId}/note/sign`, {}, token);
  expect(signed.status).toBe(200);
  const addendum = await api.post(
    `/api/v1/encounters/${encounterId}/note/addenda`,
    { text: 'Retorno em 7 dias.' },
    token,
  );
  expect(addendum.status).toBe(201);
  const draftEncounterId = await createEncounter(api, token, patientId);

  const uploaded = await fetch(`${testApp().baseUrl}/api/v1/patients/${patientId}/documents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent('hemograma março.pdf'),
    },
    body: new Uint8Array(examPdf),
  });
  expect(uploaded.status).toBe(201);
  const document = (await uploaded.json()) as { id: string; fileName: string };

  return {
    ...clinic,
    encounterId,
    draftEncounterId,
    noteId: signed.body.id as string,
    document,
  };
}
