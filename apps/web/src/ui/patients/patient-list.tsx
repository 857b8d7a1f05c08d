'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../components/button';
import { Input } from '../components/input';
import { Label } from '../components/label';
import { ErrorNotice } from '../forms/form-message';
import { useProblemMessage } from '../forms/use-problem-message';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { EmptyState } from '../layout/empty-state';
import { PatientTable } from './patient-table';
import { usePatientSearch } from './use-patient-search';

// Long enough to skip the requests for a word still being typed, short enough to feel live.
const searchDebounceMs = 250;

export function PatientList() {
  const t = useTranslations('patients');
  const problemMessage = useProblemMessage();
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed.trim(), searchDebounceMs);
  const search = usePatientSearch(query);

  return (
    <>
      <div className="mb-5 flex max-w-md flex-col gap-1.5">
        <Label htmlFor="patient-search">{t('search')}</Label>
        <Input
          id="patient-search"
          type="search"
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>

      <div aria-busy={search.loading} className="transition-opacity aria-busy:opacity-70">
        {search.items.length > 0 ? <PatientTable patients={search.items} /> : null}
        {!search.loading && !search.problem && search.items.length === 0 ? (
          <EmptyState>{query ? t('noMatches', { query }) : t('empty')}</EmptyState>
        ) : null}
      </div>

      {search.problem ? (
        <ErrorNotice className="mt-4">
          <span>
            {t('loadFailed')} {problemMessage(search.problem)}
          </span>
          <Button size="sm" onClick={search.retry}>
            {t('retry')}
          </Button>
        </ErrorNotice>
      ) : null}

      <div className="mt-4 flex items-center justify-center gap-4">
        {search.loading ? (
          <p role="status" className="text-muted">
            {t('loading')}
          </p>
        ) : null}
        {search.hasMore && !search.loading ? (
          <Button onClick={search.loadMore}>{t('loadMore')}</Button>
        ) : null}
      </div>
    </>
  );
}
