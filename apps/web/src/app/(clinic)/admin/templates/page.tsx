import { getTranslations } from 'next-intl/server';
import { TemplateAdmin } from '../../../../ui/admin/template-admin';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.templatesTitle);

export default async function AdminTemplatesPage() {
  const t = await getTranslations('admin');
  return (
    <>
      <h1>{t('templatesTitle')}</h1>
      <TemplateAdmin />
    </>
  );
}
