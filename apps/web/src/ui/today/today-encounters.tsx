'use client';

import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Button } from '../components/button';
import { DataTable } from '../components/data-table';
import { ErrorNotice } from '../forms/form-message';
import { useProblemMessage } from '../forms/use-problem-message';
import { EmptyState } from '../layout/empty-state';
import { PageHeading } from '../layout/page-heading';
import { EncounterStatusBadge } from './encounter-status-badge';
import { useTodayEncounters } from './use-today-encounters';

/** The clinician's landing page: every encounter of the clinic started today, with where it stands. */
export function TodayEncounters() {
  const t = useTranslations('today');
  const format = useFormatter();
  const problemMessage = useProblemMessage();
  const { state, refresh } = useTodayEncounters();
  // Named in the browser only: the server's clock and time zone may name another day.
  const [today, setToday] = useState<Date>();
  useEffect(() => setToday(new Date()), []);

  return (
    <>
      <PageHeading
        title={t('title')}
        subtitle={today ? format.dateTime(today, { dateStyle: 'full' }) : '\u00a0'}
        actions={<Button onClick={refresh}>{t('refresh')}</Button>}
      />
      {state.status === 'loading' ? (
        <p className="text-muted" role="status">
          {t('loading')}
        </p>
      ) : state.status === 'failed' ? (
        <ErrorNotice>
          <span>
            {t('loadFailed')} {problemMessage(state.problem)}
          </span>
          <Button size="sm" onClick={refresh}>
            {t('retry')}
          </Button>
        </ErrorNotice>
      ) : state.list.items.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <>
          <DataTable>
            <thead>
              <tr>
                <th scope="col" className="w-28">
                  {t('columnTime')}
                </th>
                <th scope="col">{t('columnPatient')}</th>
                <th scope="col">{t('columnStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {state.list.items.map((encounter) => (
                <tr key={encounter.id}>
                  <td className="tabular-nums">
                    <time dateTime={encounter.createdAt}>
                      {format.dateTime(new Date(encounter.createdAt), { timeStyle: 'short' })}
                    </time>
                  </td>
                  <th scope="row">
                    <Link href={`/encounters/${encounter.id}`}>
                      {encounter.patient.name}
                      <span className="sr-only"> — {t('open')}</span>
                    </Link>
                  </th>
                  <td>
                    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <EncounterStatusBadge status={encounter.status} />
                      <span className="text-sm text-muted">
                        {t(`progress.${encounter.status}`, { count: encounter.audio.chunksReceived })}
                      </span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {state.list.truncated ? (
            <p className="mt-3 text-muted">{t('truncated', { count: state.list.items.length })}</p>
          ) : null}
        </>
      )}
    </>
  );
}
