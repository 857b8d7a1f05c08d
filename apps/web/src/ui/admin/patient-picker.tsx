'use client';

import { useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useI18n } from '../i18n/i18n-provider';
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
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed.trim(), searchDebounceMs);
  const search = usePatientSearch(query);

  if (picked) {
    return (
      <div className="field">
        <span className="field__label" id="audit-patient-label">
          {t.admin.filterPatient}
        </span>
        <p className="picked-patient" aria-labelledby="audit-patient-label">
          {picked.name}{' '}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => onPick(undefined)}
          >
            {t.admin.clearPatient}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="field patient-picker">
      <label htmlFor="audit-patient">{t.admin.filterPatient}</label>
      <input
        id="audit-patient"
        type="search"
        autoComplete="off"
        placeholder={t.admin.patientSearch}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      {query && search.items.length > 0 ? (
        <ul className="picker-options" aria-label={t.admin.patientSearch}>
          {search.items.slice(0, 6).map((patient) => (
            <li key={patient.id}>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => {
                  setTyped('');
                  onPick({ id: patient.id, name: patient.name });
                }}
              >
                {patient.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
