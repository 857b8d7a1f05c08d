import { getTranslations } from 'next-intl/server';
import { AuditLog } from '../../../../ui/admin/audit-log';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.auditTitle);

export default async function AdminAuditPage() {
  const t = await getTranslations('admin');
  return (
    <>
      <h1>{t('auditTitle')}</h1>
      <AuditLog />
    </>
  );
}
