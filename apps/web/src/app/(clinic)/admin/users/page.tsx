import { getTranslations } from 'next-intl/server';
import { UserAdmin } from '../../../../ui/admin/user-admin';
import { PageHeading } from '../../../../ui/layout/page-heading';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.usersTitle);

export default async function AdminUsersPage() {
  const t = await getTranslations('admin');
  return (
    <>
      <PageHeading title={t('usersTitle')} />
      <UserAdmin />
    </>
  );
}
