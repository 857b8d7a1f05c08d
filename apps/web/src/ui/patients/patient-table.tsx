'use client';

import type { Patient } from '@healthcare/core/patients/patient-schemas';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { DataTable } from '../components/data-table';
import { formatBirthDate } from './format-birth-date';

export function PatientTable({ patients }: { patients: readonly Patient[] }) {
  const t = useTranslations('patients');
  const sex = useTranslations('sex');
  const format = useFormatter();
  return (
    <DataTable>
      <thead>
        <tr>
          <th scope="col">{t('columnName')}</th>
          <th scope="col">{t('columnBirthDate')}</th>
          <th scope="col">{t('columnSex')}</th>
          <th scope="col">{t('columnDocument')}</th>
        </tr>
      </thead>
      <tbody>
        {patients.map((patient) => (
          <tr key={patient.id}>
            <th scope="row">
              <Link href={`/patients/${patient.id}`}>{patient.name}</Link>
            </th>
            <td>{formatBirthDate(patient.birthDate, format)}</td>
            <td>{sex(patient.sex)}</td>
            <td>{patient.documentId ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
