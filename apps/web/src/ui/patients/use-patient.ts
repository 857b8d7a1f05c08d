'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';

export type PatientState =
  { status: 'loading' } | { status: 'loaded'; patient: Patient } | { status: 'failed'; problem: ApiProblem };

export function usePatient(id: string) {
  const [state, setState] = useState<PatientState>({ status: 'loading' });

  useEffect(() => {
    // The encounter screen knows its patient only once the encounter has loaded.
    if (!id) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    callApi<Patient>('GET', `/patients/${encodeURIComponent(id)}`, { signal: controller.signal }).then(
      (patient) => setState({ status: 'loaded', patient }),
      (error: unknown) => {
        if (controller.signal.aborted || error instanceof SessionExpired) return;
        setState({
          status: 'failed',
          problem: error instanceof ApiProblem ? error : unexpectedProblem(error),
        });
      },
    );
    return () => controller.abort();
  }, [id]);

  const replace = (patient: Patient) => setState({ status: 'loaded', patient });
  return { state, replace };
}
