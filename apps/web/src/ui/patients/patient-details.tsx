'use client';

import type { ApiProblem } from '../api/api-problem';
import { problemMessage } from '../forms/describe-problem';
import { useI18n } from '../i18n/i18n-provider';
import { useSession } from '../session/session-provider';
import { PatientDocuments } from '../documents/patient-documents';
import { PatientEncounters } from '../encounters/patient-encounters';
import { StartEncounterButton } from '../encounters/start-encounter-button';
import { BackToPatientsLink } from './back-to-patients-link';
import { DeletePatientButton } from './delete-patient-button';
import { EditPatientForm } from './edit-patient-form';
import { usePatient } from './use-patient';

export function PatientDetails({ id }: { id: string }) {
  const { t } = useI18n();
  const session = useSession();
  const { state, replace } = usePatient(id);

  return (
    <>
      <BackToPatientsLink />
      {state.status === 'loading' ? (
        <p className="muted" role="status">
          {t.patient.loading}
        </p>
      ) : state.status === 'failed' ? (
        <LoadFailure problem={state.problem} />
      ) : (
        <>
          <h1>{state.patient.name}</h1>
          {session?.user.role !== 'staff' ? <StartEncounterButton patientId={state.patient.id} /> : null}
          {session?.user.role !== 'staff' ? <PatientEncounters patientId={state.patient.id} /> : null}
          <PatientDocuments patientId={state.patient.id} />
          <section className="card" aria-labelledby="patient-details-title">
            <h2 id="patient-details-title">{t.patient.editTitle}</h2>
            <EditPatientForm patient={state.patient} onSaved={replace} />
          </section>
          {session?.user.role === 'admin' ? (
            <section className="danger-zone">
              <DeletePatientButton patient={state.patient} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

function LoadFailure({ problem }: { problem: ApiProblem }) {
  const { t } = useI18n();
  // A malformed id (400) is as absent as an unknown one (404), and so is another clinic's patient.
  if (problem.status === 404 || problem.status === 400) return <h1>{t.patient.notFound}</h1>;
  return (
    <p role="alert" className="form-error">
      {problemMessage(problem, t)}
    </p>
  );
}
