'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { PatientForm } from './patient-form';
import { emptyPatientForm, toCreatePatientBody } from './patient-form-values';

export function NewPatientForm() {
  const t = useTranslations('patient');
  const router = useRouter();
  return (
    <PatientForm
      initialValues={emptyPatientForm}
      submitLabel={t('create')}
      submittingLabel={t('creating')}
      onSave={async (values) => {
        const patient = await callApi<Patient>('POST', '/patients', { body: toCreatePatientBody(values) });
        router.push(`/patients/${patient.id}`);
        return 'navigating';
      }}
      actions={
        <Button variant="ghost" asChild>
          <Link href="/patients">{t('cancel')}</Link>
        </Button>
      }
    />
  );
}
