import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '../ui/components/card';
import { PublicShell } from '../ui/layout/public-shell';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <PublicShell>
      <Card className="w-full max-w-md">
        <h1 className="mb-4">{t('title')}</h1>
        <p>
          <Link href="/">{t('home')}</Link>
        </p>
      </Card>
    </PublicShell>
  );
}
