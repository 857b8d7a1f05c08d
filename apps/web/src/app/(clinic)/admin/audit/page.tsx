import { getTranslations } from 'next-intl/server';
import { AuditLog } from '../../../../ui/admin/audit-log';
import { PageHeading } from '../../../../ui/layout/page-heading';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.auditTitle);

export default async function AdminAuditPage() {
  const t = await getTranslations('admin');
  return (
    <>
      <PageHeading title={t('auditTitle')} />
      <AuditLog />
    </>
  );
}
