'use client';

import { auditActions } from '@healthcare/core/audit/audit-schemas';
import type { UserList } from '@healthcare/core/users/user-schemas';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { DataTable } from '../components/data-table';
import { InlineAlert } from '../components/inline-alert';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { useProblemMessage } from '../forms/use-problem-message';
import { PatientPicker } from './patient-picker';
import { noFilters, useAuditEvents, type AuditFilters } from './use-audit-events';

// A Radix Select item cannot have the empty value, so "no filter" is an option of its own.
const any = '*';

/** Who did what to which patient, filtered by person, action, patient and days. */
export function AuditLog() {
  const t = useTranslations('admin');
  const format = useFormatter();
  const problemMessage = useProblemMessage();
  const [draft, setDraft] = useState<AuditFilters>(noFilters);
  const [patient, setPatient] = useState<{ id: string; name: string } | undefined>();
  const [applied, setApplied] = useState<AuditFilters>(noFilters);
  const [users, setUsers] = useState<Map<string, string>>(new Map());
  const audit = useAuditEvents(applied);

  useEffect(() => {
    const controller = new AbortController();
    callApi<UserList>('GET', '/users', { signal: controller.signal }).then(
      (list) => setUsers(new Map(list.items.map((user) => [user.id, user.name]))),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const set = (field: keyof AuditFilters) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value === any ? '' : value }));

  return (
    <div className="flex flex-col gap-5">
      <CardSection className="flex flex-col gap-4" aria-labelledby="audit-filters-title">
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            setApplied({ ...draft, patientId: patient?.id ?? '' });
          }}
        >
          <h2 id="audit-filters-title">{t('filters')}</h2>
          <div className="grid grid-cols-[repeat(auto-fit,minmax(12rem,1fr))] items-start gap-x-4 gap-y-3">
            <SelectField
              name="audit-actor"
              label={t('filterActor')}
              value={draft.actorUserId || any}
              onValueChange={set('actorUserId')}
              placeholder={t('anyone')}
              options={[
                { value: any, label: t('anyone') },
                ...[...users].map(([id, name]) => ({ value: id, label: name })),
              ]}
            />
            <SelectField
              name="audit-action"
              label={t('filterAction')}
              value={draft.action || any}
              onValueChange={set('action')}
              placeholder={t('anyAction')}
              options={[
                { value: any, label: t('anyAction') },
                ...auditActions.map((action) => ({ value: action, label: action })),
              ]}
            />
            <PatientPicker picked={patient} onPick={setPatient} />
            <TextField
              name="audit-from"
              type="date"
              label={t('filterFrom')}
              value={draft.fromDay}
              onValueChange={set('fromDay')}
            />
            <TextField
              name="audit-to"
              type="date"
              label={t('filterTo')}
              value={draft.toDay}
              onValueChange={set('toDay')}
            />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="primary">
              {t('applyFilters')}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setDraft(noFilters);
                setPatient(undefined);
                setApplied(noFilters);
              }}
            >
              {t('clearFilters')}
            </Button>
          </div>
        </form>
      </CardSection>

      {audit.problem ? <InlineAlert role="alert">{problemMessage(audit.problem)}</InlineAlert> : null}
      <DataTable className={audit.loading ? 'opacity-70' : undefined} aria-busy={audit.loading}>
        <thead>
          <tr>
            <th scope="col">{t('columnWhen')}</th>
            <th scope="col">{t('columnWho')}</th>
            <th scope="col">{t('columnAction')}</th>
            <th scope="col">{t('columnPatient')}</th>
            <th scope="col">{t('columnOrigin')}</th>
          </tr>
        </thead>
        <tbody>
          {audit.items.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap tabular-nums">
                <time dateTime={event.occurredAt}>
                  {format.dateTime(new Date(event.occurredAt), { dateStyle: 'short', timeStyle: 'medium' })}
                </time>
              </td>
              <td>{event.actorUserId ? (users.get(event.actorUserId) ?? t('unknownUser')) : t('system')}</td>
              <td>
                <code className="rounded bg-bg px-1.5 py-0.5 text-[0.85rem]">{event.action}</code>
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
              <td className="text-muted">{event.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {!audit.loading && !audit.problem && audit.items.length === 0 ? (
        <p
          role="status"
          className="rounded-card border border-dashed border-border bg-surface px-4 py-8 text-center text-muted"
        >
          {t('noEvents')}
        </p>
      ) : null}
      <div className="flex justify-center">
        {audit.loading ? (
          <p role="status" className="text-muted">
            {t('loading')}
          </p>
        ) : audit.hasMore ? (
          <Button onClick={audit.loadMore}>{t('loadMore')}</Button>
        ) : null}
      </div>
    </div>
  );
}
