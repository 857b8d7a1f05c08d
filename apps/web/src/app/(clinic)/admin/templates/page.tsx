import { getTranslations } from 'next-intl/server';
import { TemplateAdmin } from '../../../../ui/admin/template-admin';
import { PageHeading } from '../../../../ui/layout/page-heading';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.templatesTitle);

export default async function AdminTemplatesPage() {
  const t = await getTranslations('admin');
  return (
    <>
      <PageHeading title={t('templatesTitle')} />
      <TemplateAdmin />
    </>
  );
}
