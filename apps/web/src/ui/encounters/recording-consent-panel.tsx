'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiProblem, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { useProblemMessage } from '../forms/use-problem-message';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { InlineAlert } from '../components/inline-alert';
import { isLocale, messagesFor } from '../i18n/dictionary';

// Spanish encounters exist but the interface has no Spanish dictionary; the patient must still
// hear the consent in the consultation's language.
const spanishWording =
  'Autorizo la grabación en audio de esta consulta y su transcripción, usadas solo para redactar mi historia clínica. El audio se borra después de firmar la nota, según la política de conservación de la clínica. Puedo negarme sin ningún perjuicio en mi atención.';

/** The consent text in the encounter's language, which may differ from the interface's. */
export function consentWordingFor(language: Encounter['language']): string {
  return isLocale(language) ? messagesFor(language).recordingConsent.wording : spanishWording;
}

/**
 * Asks for the patient's consent before anything can be recorded or uploaded. The server stores
 * the very text shown here, so it is sent as displayed.
 */
export function RecordingConsentPanel({
  encounter,
  onEncounter,
}: {
  encounter: Encounter;
  onEncounter: (encounter: Encounter) => void;
}) {
  const t = useTranslations('recordingConsent');
  const problemMessage = useProblemMessage();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const wording = consentWordingFor(encounter.language);

  const confirm = async () => {
    setSending(true);
    setProblem(undefined);
    try {
      onEncounter(
        await callApi<Encounter>('POST', `/encounters/${encodeURIComponent(encounter.id)}/consent`, {
          body: { wording },
        }),
      );
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <CardSection className="flex flex-col gap-4" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('title')}</h2>
      <p className="text-muted">{t('instructions')}</p>
      <blockquote
        className="m-0 border-l-4 border-primary bg-bg px-4 py-3 text-[1.05rem] leading-normal"
        lang={encounter.language}
      >
        {wording}
      </blockquote>
      <Button variant="primary" className="self-start" onClick={() => void confirm()} disabled={sending}>
        {sending ? t('confirming') : t('confirm')}
      </Button>
      {problem ? <InlineAlert role="alert">{problemMessage(problem)}</InlineAlert> : null}
    </CardSection>
  );
}
