import { useTranslations } from 'next-intl';
import Link from 'next/link';

export function BackToPatientsLink() {
  const t = useTranslations('patient');
  return (
    <Link href="/patients" className="mb-4 inline-block text-[0.95rem] no-underline hover:underline">
      <span aria-hidden="true">← </span>
      {t('backToList')}
    </Link>
  );
}
