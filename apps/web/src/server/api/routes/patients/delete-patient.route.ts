import { deletePatient } from '@healthcare/core/patients/delete-patient';
import { erasePatientInput } from '@healthcare/core/patients/erase-patient-schemas';
import { defineRoute } from '../../../http/route';
import { noContent } from '../../../http/responses';
import { patientIdParams } from './patient-id-params';

export const deletePatientRoute = defineRoute({
  method: 'DELETE',
  path: '/patients/{id}',
  summary:
    'Erase a patient’s data and files (admins only); the audit trail stays, pseudonymized. A body is optional',
  tag: 'patients',
  auth: 'user',
  roles: ['admin'],
  params: patientIdParams,
  body: erasePatientInput,
  responses: {
    204: { description: 'Erased' },
    404: { description: 'No such patient in your clinic' },
    409: {
      description:
        'Signed notes inside the legal retention period (`reason: retention_period`); nothing was changed',
    },
  },
  async handle({ app, actor, params, body }) {
    await deletePatient(
      {
        db: app.db,
        storage: app.storage,
        pseudonymSecret: app.auditPseudonymSecret,
        signedNoteRetentionYears: app.config.retention.signedNoteYears,
      },
      actor,
      params.id,
      body,
    );
    return noContent();
  },
});
