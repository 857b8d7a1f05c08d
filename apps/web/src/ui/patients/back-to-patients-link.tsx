'use client';

import Link from 'next/link';
import { useI18n } from '../i18n/i18n-provider';

export function BackToPatientsLink() {
  const { t } = useI18n();
  return (
    <Link href="/patients" className="back-link">
      <span aria-hidden="true">← </span>
      {t.patient.backToList}
    </Link>
  );
}
