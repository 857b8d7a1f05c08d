'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function AdminNav() {
  const t = useTranslations('admin');
  const pathname = usePathname();
  const links = [
    { href: '/admin/users', label: t('users') },
    { href: '/admin/templates', label: t('templates') },
    { href: '/admin/audit', label: t('audit') },
  ];
  return (
    <nav aria-label={t('navigation')} className="mb-5 flex flex-wrap gap-x-5 gap-y-1 border-b border-border">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={pathname === link.href ? 'page' : undefined}
          className="-mb-px border-b-[3px] border-transparent py-2 font-medium no-underline aria-[current=page]:border-primary aria-[current=page]:text-text!"
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
