'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import { useState } from 'react';
import { callApi } from '../api/call-api';
import { useI18n } from '../i18n/i18n-provider';
import { PatientForm } from './patient-form';
import { toPatientFormValues, toUpdatePatientBody } from './patient-form-values';

export function EditPatientForm({
  patient,
  onSaved,
}: {
  patient: Patient;
  onSaved: (patient: Patient) => void;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  return (
    <PatientForm
      initialValues={toPatientFormValues(patient)}
      submitLabel={t.patient.save}
      submittingLabel={t.patient.saving}
      onSave={async (values) => {
        setSaved(false);
        const updated = await callApi<Patient>('PATCH', `/patients/${patient.id}`, {
          body: toUpdatePatientBody(values),
        });
        setSaved(true);
        onSaved(updated);
      }}
      actions={
        <p role="status" className="form__status">
          {saved ? t.patient.saved : ''}
        </p>
      }
    />
  );
}
