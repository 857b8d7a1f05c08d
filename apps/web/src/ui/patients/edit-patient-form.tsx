'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import { useTranslations } from 'next-intl';
import { callApi } from '../api/call-api';
import { useToast } from '../components/toast';
import { PatientForm } from './patient-form';
import { toPatientFormValues, toUpdatePatientBody } from './patient-form-values';

export function EditPatientForm({
  patient,
  onSaved,
}: {
  patient: Patient;
  onSaved: (patient: Patient) => void;
}) {
  const t = useTranslations('patient');
  const toast = useToast();
  return (
    <PatientForm
      initialValues={toPatientFormValues(patient)}
      submitLabel={t('save')}
      submittingLabel={t('saving')}
      onSave={async (values) => {
        const updated = await callApi<Patient>('PATCH', `/patients/${patient.id}`, {
          body: toUpdatePatientBody(values),
        });
        toast({ title: t('saved') });
        onSaved(updated);
      }}
    />
  );
}
