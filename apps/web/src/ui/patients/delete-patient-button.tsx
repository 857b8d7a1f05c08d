'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { FormError } from '../forms/form-message';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

/** Deleting erases the whole record, so it takes a second, explicit confirmation. */
export function DeletePatientButton({ patient }: { patient: Patient }) {
  const { t } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [message, setMessage] = useState<string>();

  const deletePatient = async () => {
    setDeleting(true);
    setMessage(undefined);
    try {
      await callApi('DELETE', `/patients/${patient.id}`);
      router.replace('/patients');
    } catch (error) {
      if (error instanceof SessionExpired) return;
      const problem = error instanceof ApiProblem ? error : unexpectedProblem(error);
      setMessage(problemMessage(problem, t));
      setDeleting(false);
    }
  };

  if (!confirming) {
    return (
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t.patient.delete}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="delete-patient-question">
      <p id="delete-patient-question">{interpolate(t.patient.deleteConfirm, { name: patient.name })}</p>
      <FormError message={message} />
      <div className="confirm__actions">
        <button type="button" className="button button--danger" onClick={deletePatient} disabled={deleting}>
          {deleting ? t.patient.deleting : t.patient.deleteConfirmButton}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setConfirming(false)}
          disabled={deleting}
          autoFocus
        >
          {t.patient.cancel}
        </button>
      </div>
    </div>
  );
}
