import { AuditLog } from '../../../../ui/admin/audit-log';
import { getRequestDictionary } from '../../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.auditTitle);

export default async function AdminAuditPage() {
  const t = await getRequestDictionary();
  return (
    <>
      <h1>{t.admin.auditTitle}</h1>
      <AuditLog />
    </>
  );
}
