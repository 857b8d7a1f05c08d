import { deletePatient } from '@healthcare/core/patients/delete-patient';
import { defineRoute } from '../../../http/route';
import { noContent } from '../../../http/responses';
import { patientIdParams } from './patient-id-params';

export const deletePatientRoute = defineRoute({
  method: 'DELETE',
  path: '/patients/{id}',
  summary: 'Erase a patient’s record (admins only)',
  tag: 'patients',
  auth: 'user',
  roles: ['admin'],
  params: patientIdParams,
  responses: {
    204: { description: 'Deleted' },
    404: { description: 'No such patient in your clinic' },
  },
  async handle({ app, actor, params }) {
    await deletePatient({ db: app.db, storage: app.storage }, actor, params.id);
    return noContent();
  },
});
