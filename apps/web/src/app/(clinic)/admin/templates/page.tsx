import { TemplateAdmin } from '../../../../ui/admin/template-admin';
import { getRequestDictionary } from '../../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.templatesTitle);

export default async function AdminTemplatesPage() {
  const t = await getRequestDictionary();
  return (
    <>
      <h1>{t.admin.templatesTitle}</h1>
      <TemplateAdmin />
    </>
  );
}
