'use client';

import { useState } from 'react';
import { problemMessage } from '../forms/describe-problem';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { PatientTable } from './patient-table';
import { usePatientSearch } from './use-patient-search';

// Long enough to skip the requests for a word still being typed, short enough to feel live.
const searchDebounceMs = 250;

export function PatientList() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed.trim(), searchDebounceMs);
  const search = usePatientSearch(query);

  return (
    <>
      <div className="search">
        <label htmlFor="patient-search">{t.patients.search}</label>
        <input
          id="patient-search"
          type="search"
          placeholder={t.patients.searchPlaceholder}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>

      <div aria-busy={search.loading} className="patient-results">
        {search.items.length > 0 ? <PatientTable patients={search.items} /> : null}
        {!search.loading && !search.problem && search.items.length === 0 ? (
          <p role="status" className="empty-state">
            {query ? interpolate(t.patients.noMatches, { query }) : t.patients.empty}
          </p>
        ) : null}
      </div>

      {search.problem ? (
        <div role="alert" className="form-error">
          {t.patients.loadFailed} {problemMessage(search.problem, t)}{' '}
          <button type="button" className="button button--quiet" onClick={search.retry}>
            {t.patients.retry}
          </button>
        </div>
      ) : null}

      <div className="list-footer">
        {search.loading ? (
          <p role="status" className="muted">
            {t.patients.loading}
          </p>
        ) : null}
        {search.hasMore && !search.loading ? (
          <button type="button" className="button" onClick={search.loadMore}>
            {t.patients.loadMore}
          </button>
        ) : null}
      </div>
    </>
  );
}
