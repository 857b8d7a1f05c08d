import { getTranslations } from 'next-intl/server';
import { AdminOnly } from '../../../ui/admin/admin-only';
import { PageHeading } from '../../../ui/layout/page-heading';
import { localizedTitle } from '../../../ui/layout/page-title';
import { ProviderSettings } from '../../../ui/settings/provider-settings';

export const generateMetadata = localizedTitle((t) => t.settings.pageTitle);

export default async function SettingsPage() {
  const t = await getTranslations('settings');
  return (
    <AdminOnly>
      <PageHeading title={t('title')} />
      <ProviderSettings />
    </AdminOnly>
  );
}
