import { readPdfText } from '@healthcare/core/notes/testing/read-pdf-text';
import { describe, expect, it, vi } from 'vitest';
import {
  addStaffMember,
  clinicWithPatient,
  createEncounter,
  putBytes,
} from '../../../testing/clinic-fixtures';
import { useAiPipelineApp } from '../../../testing/use-ai-pipeline-app';

const { api, testApp, state } = useAiPipelineApp();

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 30_000, interval: 100 });

describe('GET /encounters/{id}/note.pdf', () => {
  it('should serve the signed note as a PDF with its text, signer and patient, and audit the export', async () => {
    const { token, patientId, session } = await clinicWithPatient(api, 'Clínica PDF');
    const encounterId = await createEncounter(api, token, patientId);
    state.stt.enqueue({ kind: 'ok', text: () => 'Paciente relata tosse seca há cinco dias.' });
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
    expect(
      (await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 1 }, token)).status,
    ).toBe(202);
    await waitFor(async () => {
      expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready');
    });

    const pdfUrl = `${testApp().baseUrl}/api/v1/encounters/${encounterId}/note.pdf`;
    const get = (bearer: string) => fetch(pdfUrl, { headers: { authorization: `Bearer ${bearer}` } });
    const draft = await get(token);
    expect(draft.status).toBe(409);
    expect((await draft.json()).detail).toBe(
      'Only a signed note can be downloaded as a PDF. Sign the note first.',
    );

    expect((await api.post(`/api/v1/encounters/${encounterId}/note/sign`, {}, token)).status).toBe(200);
    const signed = await get(token);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toBe('application/pdf');
    expect(signed.headers.get('content-disposition')).toMatch(
      /^attachment; filename="note-\d{4}-\d{2}-\d{2}-/,
    );
    const text = readPdfText(Buffer.from(await signed.arrayBuffer()));
    expect(text).toContain(session.clinic.name);
    expect(text).toContain('Paciente Clínica PDF');
    expect(text).toContain('Paciente relata tosse seca há cinco dias.');
    expect(text).toContain('Assinada eletronicamente por Dr. Admin em');

    const staff = await addStaffMember(api, token, 'staff');
    expect((await get(staff)).status).toBe(403);

    const audit = await api.get(`/api/v1/audit?action=note.export&patientId=${patientId}`, token);
    expect(audit.body.items).toHaveLength(1);
  });
});
