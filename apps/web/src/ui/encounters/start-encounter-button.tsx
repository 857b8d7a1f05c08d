'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiProblem, SessionExpired } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { InlineAlert } from '../components/inline-alert';
import { useProblemMessage } from '../forms/use-problem-message';

/** Starts an encounter in the reader's language and opens it, ready to record. */
export function StartEncounterButton({ patientId }: { patientId: string }) {
  const t = useTranslations('encounter');
  const locale = useLocale();
  const problemMessage = useProblemMessage();
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
    <div className="flex flex-col items-start gap-3">
      <Button variant="primary" onClick={() => void start()} disabled={starting}>
        {starting ? t('starting') : t('start')}
      </Button>
      {problem ? (
        <InlineAlert role="alert">
          {t('startFailed')} {problemMessage(problem)}
        </InlineAlert>
      ) : null}
    </div>
  );
}
