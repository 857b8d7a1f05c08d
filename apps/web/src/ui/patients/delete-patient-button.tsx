'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useToast } from '../components/toast';
import { ErrorNotice } from '../forms/form-message';
import { useProblemMessage } from '../forms/use-problem-message';

/** Deleting erases the whole record, so it takes a second, explicit confirmation. */
export function DeletePatientButton({ patient }: { patient: Patient }) {
  const t = useTranslations('patient');
  const problemMessage = useProblemMessage();
  const toast = useToast();
  const router = useRouter();
  const [deleting, setDeleting] = useState(false);
  const [message, setMessage] = useState<string>();

  const deletePatient = async () => {
    setDeleting(true);
    setMessage(undefined);
    try {
      await callApi('DELETE', `/patients/${patient.id}`);
      toast({ title: t('deleted', { name: patient.name }) });
      router.replace('/patients');
    } catch (error) {
      if (error instanceof SessionExpired) return;
      const problem = error instanceof ApiProblem ? error : unexpectedProblem(error);
      setMessage(problemMessage(problem));
      setDeleting(false);
    }
  };

  return (
    <div className="flex flex-col items-start gap-3">
      <ConfirmDialog
        trigger={
          <Button variant="danger" disabled={deleting}>
            {deleting ? t('deleting') : t('delete')}
          </Button>
        }
        title={t('delete')}
        description={t('deleteConfirm', { name: patient.name })}
        confirmLabel={t('deleteConfirmButton')}
        cancelLabel={t('cancel')}
        onConfirm={() => void deletePatient()}
      />
      {message ? <ErrorNotice>{message}</ErrorNotice> : null}
    </div>
  );
}
