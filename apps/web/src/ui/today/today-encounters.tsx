'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { problemMessage } from '../forms/describe-problem';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { useTodayEncounters } from './use-today-encounters';

/** The clinician's landing page: every encounter of the clinic started today, with where it stands. */
export function TodayEncounters() {
  const { t, locale } = useI18n();
  const { state, refresh } = useTodayEncounters();
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  // Formatted in the browser only: the server's clock and time zone may name another day.
  const [today, setToday] = useState('');
  useEffect(
    () => setToday(new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(new Date())),
    [locale],
  );

  return (
    <>
      <div className="page-heading">
        <div>
          <h1>{t.today.title}</h1>
          <p className="muted">{today}</p>
        </div>
        <button type="button" className="button" onClick={refresh}>
          {t.today.refresh}
        </button>
      </div>
      {state.status === 'loading' ? (
        <p className="muted" role="status">
          {t.today.loading}
        </p>
      ) : state.status === 'failed' ? (
        <div role="alert" className="form-error">
          {t.today.loadFailed} {problemMessage(state.problem, t)}{' '}
          <button type="button" className="button button--quiet" onClick={refresh}>
            {t.today.retry}
          </button>
        </div>
      ) : state.list.items.length === 0 ? (
        <p role="status" className="empty-state">
          {t.today.empty}
        </p>
      ) : (
        <>
          <table className="patient-table today-table">
            <thead>
              <tr>
                <th scope="col">{t.today.columnTime}</th>
                <th scope="col">{t.today.columnPatient}</th>
                <th scope="col">{t.today.columnStatus}</th>
              </tr>
            </thead>
            <tbody>
              {state.list.items.map((encounter) => (
                <tr key={encounter.id}>
                  <td>
                    <time dateTime={encounter.createdAt}>{time.format(new Date(encounter.createdAt))}</time>
                  </td>
                  <th scope="row">
                    <Link href={`/encounters/${encounter.id}`}>
                      {encounter.patient.name}
                      <span className="visually-hidden"> — {t.today.open}</span>
                    </Link>
                  </th>
                  <td>
                    <span className={`status-badge status-${encounter.status}`}>
                      {t.encounterList.status[encounter.status]}
                    </span>{' '}
                    <span className="muted">
                      {interpolate(t.today.progress[encounter.status], {
                        count: String(encounter.audio.chunksReceived),
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.list.truncated ? (
            <p className="muted">
              {interpolate(t.today.truncated, { count: String(state.list.items.length) })}
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
