'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiProblem, SessionExpired } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { useI18n } from '../i18n/i18n-provider';

/** Starts an encounter in the reader's language and opens it, ready to record. */
export function StartEncounterButton({ patientId }: { patientId: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();

  const start = async () => {
    setStarting(true);
    setProblem(undefined);
    try {
      const encounter = await callApi<Encounter>('POST', '/encounters', {
        body: { patientId, language: locale },
      });
      router.push(`/encounters/${encounter.id}`);
    } catch (error) {
      if (error instanceof SessionExpired) return;
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(500, String(error), 'internal'));
      setStarting(false);
    }
  };

  return (
    <div className="start-encounter">
      <button
        type="button"
        className="button button--primary"
        onClick={() => void start()}
        disabled={starting}
      >
        {starting ? t.encounter.starting : t.encounter.start}
      </button>
      {problem ? (
        <p role="alert" className="form-error">
          {t.encounter.startFailed} {problemMessage(problem, t)}
        </p>
      ) : null}
    </div>
  );
}
