import type { ReactNode } from 'react';
import { AdminNav } from '../../../ui/admin/admin-nav';
import { AdminOnly } from '../../../ui/admin/admin-only';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AdminOnly>
      <AdminNav />
      {children}
    </AdminOnly>
  );
}
