'use client';

import type { EncounterList } from '@healthcare/core/encounters/encounter-schemas';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { callApi } from '../api/call-api';
import { useI18n } from '../i18n/i18n-provider';

/** The patient's encounters, newest first, each opening the encounter screen. */
export function PatientEncounters({ patientId }: { patientId: string }) {
  const { t, locale } = useI18n();
  const [list, setList] = useState<EncounterList | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    callApi<EncounterList>('GET', `/patients/${encodeURIComponent(patientId)}/encounters`, {
      signal: controller.signal,
    }).then(setList, () => undefined);
    return () => controller.abort();
  }, [patientId]);

  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card" aria-labelledby="patient-encounters-title">
      <h2 id="patient-encounters-title">{t.encounterList.title}</h2>
      {!list ? null : list.items.length === 0 ? (
        <p className="muted">{t.encounterList.empty}</p>
      ) : (
        <ul className="encounter-list">
          {list.items.map((encounter) => (
            <li key={encounter.id}>
              <Link href={`/encounters/${encounter.id}`}>{format.format(new Date(encounter.createdAt))}</Link>{' '}
              <span className={`status-badge status-${encounter.status}`}>
                {t.encounterList.status[encounter.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
