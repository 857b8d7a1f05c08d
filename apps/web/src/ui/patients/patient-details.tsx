'use client';

import { useTranslations } from 'next-intl';
import type { ApiProblem } from '../api/api-problem';
import { CardSection } from '../components/card';
import { PatientDocuments } from '../documents/patient-documents';
import { PatientEncounters } from '../encounters/patient-encounters';
import { StartEncounterButton } from '../encounters/start-encounter-button';
import { ErrorNotice } from '../forms/form-message';
import { useProblemMessage } from '../forms/use-problem-message';
import { PageHeading } from '../layout/page-heading';
import { useSession } from '../session/session-provider';
import { BackToPatientsLink } from './back-to-patients-link';
import { DeletePatientButton } from './delete-patient-button';
import { EditPatientForm } from './edit-patient-form';
import { usePatient } from './use-patient';

export function PatientDetails({ id }: { id: string }) {
  const t = useTranslations('patient');
  const session = useSession();
  const { state, replace } = usePatient(id);

  return (
    <>
      <BackToPatientsLink />
      {state.status === 'loading' ? (
        <p className="text-muted" role="status">
          {t('loading')}
        </p>
      ) : state.status === 'failed' ? (
        <LoadFailure problem={state.problem} />
      ) : (
        <>
          <PageHeading
            title={state.patient.name}
            actions={
              session?.user.role !== 'staff' ? <StartEncounterButton patientId={state.patient.id} /> : null
            }
          />
          <div className="flex flex-col gap-6">
            {session?.user.role !== 'staff' ? <PatientEncounters patientId={state.patient.id} /> : null}
            <PatientDocuments patientId={state.patient.id} />
            <CardSection aria-labelledby="patient-details-title">
              <h2 id="patient-details-title" className="mb-4">
                {t('editTitle')}
              </h2>
              <EditPatientForm patient={state.patient} onSaved={replace} />
            </CardSection>
            {session?.user.role === 'admin' ? (
              <div className="border-t border-border pt-6">
                <DeletePatientButton patient={state.patient} />
              </div>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

function LoadFailure({ problem }: { problem: ApiProblem }) {
  const t = useTranslations('patient');
  const problemMessage = useProblemMessage();
  // A malformed id (400) is as absent as an unknown one (404), and so is another clinic's patient.
  if (problem.status === 404 || problem.status === 400) return <h1>{t('notFound')}</h1>;
  return <ErrorNotice>{problemMessage(problem)}</ErrorNotice>;
}
