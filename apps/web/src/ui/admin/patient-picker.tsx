'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../components/button';
import { Input } from '../components/input';
import { Label } from '../components/label';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { usePatientSearch } from '../patients/use-patient-search';

const searchDebounceMs = 250;

/** Picks one patient by typing part of their name; the audit filter needs the id, people know names. */
export function PatientPicker({
  picked,
  onPick,
}: {
  picked: { id: string; name: string } | undefined;
  onPick: (patient: { id: string; name: string } | undefined) => void;
}) {
  const t = useTranslations('admin');
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed.trim(), searchDebounceMs);
  const search = usePatientSearch(query);

  if (picked) {
    return (
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-semibold" id="audit-patient-label">
          {t('filterPatient')}
        </span>
        <p className="flex min-h-10 flex-wrap items-center gap-2" aria-labelledby="audit-patient-label">
          <span className="font-medium">{picked.name}</span>
          <Button size="sm" variant="ghost" onClick={() => onPick(undefined)}>
            {t('clearPatient')}
          </Button>
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="audit-patient">{t('filterPatient')}</Label>
      <Input
        id="audit-patient"
        type="search"
        autoComplete="off"
        placeholder={t('patientSearch')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      {query && search.items.length > 0 ? (
        <ul
          className="m-0 flex list-none flex-col rounded-card border border-border bg-surface p-1 shadow-card"
          aria-label={t('patientSearch')}
        >
          {search.items.slice(0, 6).map((patient) => (
            <li key={patient.id}>
              <Button
                size="sm"
                variant="ghost"
                className="w-full justify-start"
                onClick={() => {
                  setTyped('');
                  onPick({ id: patient.id, name: patient.name });
                }}
              >
                {patient.name}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
