import { UserAdmin } from '../../../../ui/admin/user-admin';
import { getRequestDictionary } from '../../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.admin.usersTitle);

export default async function AdminUsersPage() {
  const t = await getRequestDictionary();
  return (
    <>
      <h1>{t.admin.usersTitle}</h1>
      <UserAdmin />
    </>
  );
}
