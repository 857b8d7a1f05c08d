import { describe, expect, it } from 'vitest';
import { addStaffMember, clinicWithPatient } from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

const { api } = useTestApp();

const dermatology = {
  key: 'dermato',
  name: 'Dermatologia',
  sections: [
    {
      key: 'lesions',
      title: 'Lesões',
      instructions: 'Localização, tamanho em mm, cor e evolução de cada lesão.',
    },
    {
      key: 'plan',
      title: { 'pt-BR': 'Conduta', en: 'Plan' },
      instructions: { 'pt-BR': 'Tratamentos com posologia.', en: 'Treatments with dosing.' },
    },
  ],
};

describe('note templates', () => {
  it('should list the five built-in templates in the reader’s language', async () => {
    const { token } = await clinicWithPatient(api);
    const list = await api.call('GET', '/api/v1/templates', {
      token,
      headers: { 'accept-language': 'en-US' },
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((template: { key: string }) => template.key)).toEqual([
      'soap',
      'hp',
      'progress',
      'pediatric',
      'psychiatry',
    ]);
    expect(list.body.items[1]).toMatchObject({ name: 'History and physical', builtIn: true });
    const portuguese = await api.get('/api/v1/templates/hp', token);
    expect(portuguese.body.name).toBe('Anamnese e exame físico');
    expect(portuguese.body.sections[0].title).toEqual({
      'pt-BR': 'Queixa principal',
      en: 'Chief complaint',
      es: 'Motivo de consulta',
    });
  });

  it('should let an admin create, change and delete the clinic’s own unused templates, audited', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const created = await api.post('/api/v1/templates', dermatology, token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'dermato', builtIn: false });
    // One text for every language, or one per language.
    expect(created.body.sections[0].title).toEqual({ 'pt-BR': 'Lesões', en: 'Lesões' });
    expect(created.body.sections[1].title).toEqual({ 'pt-BR': 'Conduta', en: 'Plan' });

    expect((await api.post('/api/v1/templates', dermatology, token)).status).toBe(409);
    expect((await api.post('/api/v1/templates', { ...dermatology, key: 'soap' }, token)).status).toBe(409);
    const encounter = await api.post('/api/v1/encounters', { patientId, template: 'dermato' }, token);
    expect(encounter.status).toBe(201);
    expect(encounter.body.template).toBe('dermato');

    const renamed = await api.patch('/api/v1/templates/dermato', { name: 'Dermatologia geral' }, token);
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Dermatologia geral');
    expect((await api.patch('/api/v1/templates/soap', { name: 'Mine' }, token)).status).toBe(409);
    expect((await api.delete('/api/v1/templates/soap', token)).status).toBe(409);
    // In use by an encounter: deleting it would orphan that encounter, so archiving is the way.
    const inUse = await api.delete('/api/v1/templates/dermato', token);
    expect(inUse.status).toBe(409);
    expect(inUse.headers.get('content-type')).toContain('application/problem+json');
    expect(inUse.body.detail).toContain('archive it instead');
    expect((await api.get('/api/v1/templates/dermato', token)).status).toBe(200);

    expect((await api.post('/api/v1/templates', { ...dermatology, key: 'rascunho' }, token)).status).toBe(
      201,
    );
    expect((await api.delete('/api/v1/templates/rascunho', token)).status).toBe(204);
    expect((await api.get('/api/v1/templates/rascunho', token)).status).toBe(404);
    expect((await api.delete('/api/v1/templates/rascunho', token)).status).toBe(404);

    const audit = await api.get('/api/v1/audit?limit=50', token);
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['template.create', 'template.update', 'template.delete']),
    );
  });

  it('should archive a template out of new notes and restore it, while encounters already using it go on', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    expect((await api.post('/api/v1/templates', dermatology, token)).status).toBe(201);
    const before = await api.post('/api/v1/encounters', { patientId, template: 'dermato' }, token);
    expect(before.status).toBe(201);

    const archived = await api.post('/api/v1/templates/dermato/archive', {}, token);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ key: 'dermato', builtIn: false, archivedAt: expect.any(String) });
    // Asking again changes nothing, and adds nothing to the trail.
    const again = await api.post('/api/v1/templates/dermato/archive', {}, token);
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);

    const keys = async (query = '') =>
      (await api.get(`/api/v1/templates${query}`, token)).body.items.map(
        (template: { key: string }) => template.key,
      );
    expect(await keys()).not.toContain('dermato');
    expect(await keys('?includeArchived=false')).not.toContain('dermato');
    expect(await keys('?includeArchived=true')).toContain('dermato');
    expect((await api.get('/api/v1/templates?includeArchived=yes', token)).status).toBe(400);
    expect((await api.get('/api/v1/templates/dermato', token)).body.archivedAt).toBe(
      archived.body.archivedAt,
    );

    const refused = await api.post('/api/v1/encounters', { patientId, template: 'dermato' }, token);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ template: 'dermato' });
    expect(refused.body.detail).toContain('archived');
    // The encounter started before goes on with it.
    expect((await api.get(`/api/v1/encounters/${before.body.id}`, token)).body.template).toBe('dermato');
    expect((await api.delete('/api/v1/templates/dermato', token)).status).toBe(409);

    expect((await api.post('/api/v1/templates/soap/archive', {}, token)).status).toBe(409);
    expect((await api.post('/api/v1/templates/soap/restore', {}, token)).status).toBe(409);
    expect((await api.post('/api/v1/templates/nenhum/archive', {}, token)).status).toBe(404);
    const clinician = await addStaffMember(api, token, 'clinician');
    expect((await api.post('/api/v1/templates/dermato/restore', {}, clinician)).status).toBe(403);

    const restored = await api.post('/api/v1/templates/dermato/restore', {}, token);
    expect(restored.status).toBe(200);
    expect(restored.body.archivedAt).toBeNull();
    expect(await keys()).toContain('dermato');
    expect((await api.post('/api/v1/encounters', { patientId, template: 'dermato' }, token)).status).toBe(
      201,
    );

    const audit = await api.get('/api/v1/audit?limit=50', token);
    const actions = audit.body.items.map((event: { action: string }) => event.action);
    expect(actions.filter((action: string) => action === 'template.archive')).toHaveLength(1);
    expect(actions.filter((action: string) => action === 'template.restore')).toHaveLength(1);
  });

  it('should keep templates within their clinic and their management with admins', async () => {
    const { token } = await clinicWithPatient(api);
    expect((await api.post('/api/v1/templates', dermatology, token)).status).toBe(201);
    const clinician = await addStaffMember(api, token, 'clinician');
    expect((await api.post('/api/v1/templates', { ...dermatology, key: 'other' }, clinician)).status).toBe(
      403,
    );
    expect((await api.delete('/api/v1/templates/dermato', clinician)).status).toBe(403);
    expect((await api.get('/api/v1/templates/dermato', clinician)).status).toBe(200);

    const other = await clinicWithPatient(api, 'Other');
    expect((await api.get('/api/v1/templates/dermato', other.token)).status).toBe(404);
    expect((await api.patch('/api/v1/templates/dermato', { name: 'x' }, other.token)).status).toBe(404);
    expect((await api.delete('/api/v1/templates/dermato', other.token)).status).toBe(404);
    const encounter = await api.post(
      '/api/v1/encounters',
      { patientId: other.patientId, template: 'dermato' },
      other.token,
    );
    expect(encounter.status).toBe(400);
    // Another clinic may use the same key for its own template.
    expect((await api.post('/api/v1/templates', dermatology, other.token)).status).toBe(201);
  });

  it('should refuse malformed templates with every problem named', async () => {
    const { token } = await clinicWithPatient(api);
    const bad = await api.post(
      '/api/v1/templates',
      {
        key: 'Bad Key',
        name: '',
        sections: [
          { key: 'a1', title: 'A', instructions: 'x' },
          { key: 'a1', title: 'B', instructions: 'y' },
        ],
      },
      token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/key',
      '/name',
      '/sections',
    ]);
    expect((await api.get('/api/v1/templates', token)).body.items).toHaveLength(5);
  });
});
