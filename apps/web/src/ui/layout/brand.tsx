import { useTranslations } from 'next-intl';
import Link from 'next/link';

/** The product's name, linking home; the same in every language. */
export function Brand({ href }: { href: string }) {
  const t = useTranslations();
  return (
    <Link
      href={href}
      className="text-lg font-bold tracking-tight text-primary no-underline hover:text-primary-hover"
    >
      {t('appName')}
    </Link>
  );
}
