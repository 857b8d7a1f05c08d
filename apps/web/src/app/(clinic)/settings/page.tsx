import { AdminOnly } from '../../../ui/admin/admin-only';
import { getRequestDictionary } from '../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../ui/layout/page-title';
import { ProviderSettings } from '../../../ui/settings/provider-settings';

export const generateMetadata = localizedTitle((t) => t.settings.pageTitle);

export default async function SettingsPage() {
  const t = await getRequestDictionary();
  return (
    <AdminOnly>
      <h1>{t.settings.title}</h1>
      <ProviderSettings />
    </AdminOnly>
  );
}
