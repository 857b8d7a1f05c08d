'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { callApi } from '../api/call-api';
import { useI18n } from '../i18n/i18n-provider';
import { PatientForm } from './patient-form';
import { emptyPatientForm, toCreatePatientBody } from './patient-form-values';

export function NewPatientForm() {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <PatientForm
      initialValues={emptyPatientForm}
      submitLabel={t.patient.create}
      submittingLabel={t.patient.creating}
      onSave={async (values) => {
        const patient = await callApi<Patient>('POST', '/patients', { body: toCreatePatientBody(values) });
        router.push(`/patients/${patient.id}`);
        return 'navigating';
      }}
      actions={
        <Link href="/patients" className="button button--quiet">
          {t.patient.cancel}
        </Link>
      }
    />
  );
}
