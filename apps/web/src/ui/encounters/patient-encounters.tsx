'use client';

import type { EncounterList, EncounterStatus } from '@healthcare/core/encounters/encounter-schemas';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { callApi } from '../api/call-api';
import { Badge } from '../components/badge';
import { CardSection } from '../components/card';

const tones: Record<EncounterStatus, 'neutral' | 'primary' | 'danger'> = {
  created: 'neutral',
  recording: 'primary',
  transcribing: 'primary',
  generating: 'primary',
  ready: 'primary',
  signed: 'neutral',
  failed: 'danger',
};

/** The patient's encounters, newest first, each opening the encounter screen. */
export function PatientEncounters({ patientId }: { patientId: string }) {
  const t = useTranslations('encounterList');
  const format = useFormatter();
  const [list, setList] = useState<EncounterList | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    callApi<EncounterList>('GET', `/patients/${encodeURIComponent(patientId)}/encounters`, {
      signal: controller.signal,
    }).then(setList, () => undefined);
    return () => controller.abort();
  }, [patientId]);

  return (
    <CardSection className="flex flex-col gap-3" aria-labelledby="patient-encounters-title">
      <h2 id="patient-encounters-title">{t('title')}</h2>
      {!list ? null : list.items.length === 0 ? (
        <p className="text-muted">{t('empty')}</p>
      ) : (
        <ul className="m-0 flex list-none flex-col gap-2 p-0">
          {list.items.map((encounter) => (
            <li key={encounter.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/encounters/${encounter.id}`}>
                {format.dateTime(new Date(encounter.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
              </Link>
              <Badge tone={tones[encounter.status]} className="text-xs">
                {t(`status.${encounter.status}`)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </CardSection>
  );
}
