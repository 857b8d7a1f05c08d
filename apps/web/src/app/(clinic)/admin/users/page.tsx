import { getTranslations } from 'next-intl/server';
import { UserAdmin } from '../../../../ui/admin/user-admin';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.usersTitle);

export default async function AdminUsersPage() {
  const t = await getTranslations('admin');
  return (
    <>
      <h1>{t('usersTitle')}</h1>
      <UserAdmin />
    </>
  );
}
