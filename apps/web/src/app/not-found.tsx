import Link from 'next/link';
import { getRequestDictionary } from '../ui/i18n/request-locale';
import { PublicShell } from '../ui/layout/public-shell';

export default async function NotFound() {
  const t = await getRequestDictionary();
  return (
    <PublicShell>
      <section className="card card--narrow">
        <h1>{t.notFound.title}</h1>
        <p>
          <Link href="/">{t.notFound.home}</Link>
        </p>
      </section>
    </PublicShell>
  );
}
