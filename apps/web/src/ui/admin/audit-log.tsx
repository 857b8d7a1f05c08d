'use client';

import { auditActions } from '@healthcare/core/audit/audit-schemas';
import type { UserList } from '@healthcare/core/users/user-schemas';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { useI18n } from '../i18n/i18n-provider';
import { PatientPicker } from './patient-picker';
import { noFilters, useAuditEvents, type AuditFilters } from './use-audit-events';

/** Who did what to which patient, filtered by person, action, patient and days. */
export function AuditLog() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(noFilters);
  const [patient, setPatient] = useState<{ id: string; name: string } | undefined>();
  const [applied, setApplied] = useState<AuditFilters>(noFilters);
  const [users, setUsers] = useState<Map<string, string>>(new Map());
  const audit = useAuditEvents(applied);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

  useEffect(() => {
    const controller = new AbortController();
    callApi<UserList>('GET', '/users', { signal: controller.signal }).then(
      (list) => setUsers(new Map(list.items.map((user) => [user.id, user.name]))),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const set = (field: keyof AuditFilters) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  return (
    <>
      <form
        className="card audit-filters"
        aria-labelledby="audit-filters-title"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied({ ...draft, patientId: patient?.id ?? '' });
        }}
      >
        <h2 id="audit-filters-title">{t.admin.filters}</h2>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="audit-actor">{t.admin.filterActor}</label>
            <select
              id="audit-actor"
              value={draft.actorUserId}
              onChange={(event) => set('actorUserId')(event.target.value)}
            >
              <option value="">{t.admin.anyone}</option>
              {[...users].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-action">{t.admin.filterAction}</label>
            <select
              id="audit-action"
              value={draft.action}
              onChange={(event) => set('action')(event.target.value)}
            >
              <option value="">{t.admin.anyAction}</option>
              {auditActions.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </select>
          </div>
          <PatientPicker picked={patient} onPick={setPatient} />
          <div className="field">
            <label htmlFor="audit-from">{t.admin.filterFrom}</label>
            <input
              id="audit-from"
              type="date"
              value={draft.fromDay}
              onChange={(event) => set('fromDay')(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t.admin.filterTo}</label>
            <input
              id="audit-to"
              type="date"
              value={draft.toDay}
              onChange={(event) => set('toDay')(event.target.value)}
            />
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t.admin.applyFilters}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setDraft(noFilters);
              setPatient(undefined);
              setApplied(noFilters);
            }}
          >
            {t.admin.clearFilters}
          </button>
        </div>
      </form>

      {audit.problem ? (
        <p role="alert" className="form-error">
          {problemMessage(audit.problem, t)}
        </p>
      ) : null}
      <div className="table-scroll" aria-busy={audit.loading}>
        <table className="patient-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.columnWhen}</th>
              <th scope="col">{t.admin.columnWho}</th>
              <th scope="col">{t.admin.columnAction}</th>
              <th scope="col">{t.admin.columnPatient}</th>
              <th scope="col">{t.admin.columnOrigin}</th>
            </tr>
          </thead>
          <tbody>
            {audit.items.map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={event.occurredAt}>{when.format(new Date(event.occurredAt))}</time>
                </td>
                <td>
                  {event.actorUserId ? (users.get(event.actorUserId) ?? t.admin.unknownUser) : t.admin.system}
                </td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.patientId ? (
                    <Link href={`/patients/${event.patientId}`}>
                      {event.patientId === patient?.id ? patient.name : event.patientId.slice(0, 8)}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="muted">{event.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!audit.loading && !audit.problem && audit.items.length === 0 ? (
        <p role="status" className="empty-state">
          {t.admin.noEvents}
        </p>
      ) : null}
      <div className="list-footer">
        {audit.loading ? (
          <p role="status" className="muted">
            {t.admin.loading}
          </p>
        ) : audit.hasMore ? (
          <button type="button" className="button" onClick={audit.loadMore}>
            {t.admin.loadMore}
          </button>
        ) : null}
      </div>
    </>
  );
}
