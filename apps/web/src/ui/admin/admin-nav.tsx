'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '../i18n/i18n-provider';

export function AdminNav() {
  const { t } = useI18n();
  const pathname = usePathname();
  const links = [
    { href: '/admin/users', label: t.admin.users },
    { href: '/admin/templates', label: t.admin.templates },
    { href: '/admin/audit', label: t.admin.audit },
  ];
  return (
    <nav aria-label={t.admin.navigation} className="sub-nav">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={pathname === link.href ? 'page' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
