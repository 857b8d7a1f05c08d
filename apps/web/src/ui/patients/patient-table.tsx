'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import Link from 'next/link';
import { useI18n } from '../i18n/i18n-provider';
import { formatBirthDate } from './format-birth-date';

export function PatientTable({ patients }: { patients: readonly Patient[] }) {
  const { t, locale } = useI18n();
  return (
    <table className="patient-table">
      <thead>
        <tr>
          <th scope="col">{t.patients.columnName}</th>
          <th scope="col">{t.patients.columnBirthDate}</th>
          <th scope="col">{t.patients.columnSex}</th>
          <th scope="col">{t.patients.columnDocument}</th>
        </tr>
      </thead>
      <tbody>
        {patients.map((patient) => (
          <tr key={patient.id}>
            <th scope="row">
              <Link href={`/patients/${patient.id}`}>{patient.name}</Link>
            </th>
            <td>{formatBirthDate(patient.birthDate, locale)}</td>
            <td>{t.sex[patient.sex]}</td>
            <td>{patient.documentId ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
